import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDelta, formatDuration, formatMonth, formatMonthShort, formatMonthStatus, formatNumber, formatScore, runningMonth, runningNote } from './index';
import { planTitle, sourceHealth } from './labels';

describe('numbers (vi-VN)', () => {
  const cases: [string, string][] = [
    [formatNumber(1234567), '1.234.567'],
    [formatNumber(1234.5, 1), '1.234,5'],
    [formatNumber(null), '—'],
    [formatNumber(Number.NaN), '—'],
    [formatScore(62.54), '62,5'],
    [formatScore(100), '100'],
    [formatDelta(5.25), '+5,3'],
    [formatDelta(-3), '−3'],
    [formatDelta(0.01), '0'],
    [formatDelta(null), '—'],
  ];
  it.each(cases)('%s = %s', (got, want) => expect(got).toBe(want));
});

describe('dates (GMT+7)', () => {
  const cases: [string, string][] = [
    [formatDate('2026-10-05'), '05/10/2026'],
    // 20:00 UTC on the 4th is already the 5th in Vietnam.
    [formatDate('2026-10-04T20:00:00Z'), '05/10/2026'],
    [formatDate('2026-10-05T08:30:00+07:00'), '05/10/2026'],
    [formatDateTime('2026-10-05T01:30:00Z'), '05/10/2026 08:30'],
    [formatDate(null), '—'],
    [formatMonth('2026-10'), 'Tháng 10/2026'],
    [formatMonth('2026-03'), 'Tháng 3/2026'],
    [formatMonthShort('2026-03'), '03/2026'],
    [formatDuration('2026-10-05T01:00:00Z', '2026-10-05T01:01:05Z'), '1 phút 5 giây'],
    [formatDuration('2026-10-05T01:00:00Z', null), '—'],
  ];
  it.each(cases)('%s = %s', (got, want) => expect(got).toBe(want));
});

describe('the month under way (GMT+7)', () => {
  // 18:00 UTC on 30/11 is already 01/12 in Vietnam.
  const now = new Date('2026-11-30T18:00:00Z');
  it('is named with the day reached', () => {
    expect(runningMonth(now)).toBe('2026-12');
    expect(runningNote('2026-12', now)).toBe('đang diễn ra, đến 01/12');
    expect(runningNote('2026-11', now)).toBeNull();
    expect(formatMonthStatus('2026-12', new Date('2026-12-08T03:00:00Z'))).toBe('Tháng 12/2026 (đang diễn ra, đến 08/12)');
    expect(formatMonthStatus('2026-11', now)).toBe('Tháng 11/2026');
  });
});

describe('sourceHealth', () => {
  const cases: [string, number, string][] = [
    ['ok', 0, 'good'],
    ['active', 1, 'warn'],
    ['ok', 3, 'bad'],
    ['error', 0, 'bad'],
    ['paused', 5, 'paused'],
    ['failing', 1, 'bad'],
    ['new', 0, 'new'],
  ];
  it.each(cases)('%s/%d → %s', (state, score, want) => expect(sourceHealth(state, score)).toBe(want));
});

describe('planTitle', () => {
  const cases: [string | null, string, string][] = [
    ['KH-12', 'Tuyên truyền kỷ niệm', 'KH-12 — Tuyên truyền kỷ niệm'],
    [null, 'Kế hoạch không số', 'Kế hoạch không số'],
    ['', 'Mã rỗng', 'Mã rỗng'],
  ];
  it.each(cases)('%s / %s', (code, title, want) => expect(planTitle({ code, title })).toBe(want));
});
