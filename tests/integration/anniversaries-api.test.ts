import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support';
import { startWorld, type World } from './dashboard-world';
import * as q from '../../server/src/db/queries';
import { anniversaryThemes, occurrenceDay } from '../../server/src/views/anniversaries';

describe('anniversary rule helpers', () => {
  const row = (date: string, precision = 'day') => ({ id: 'a', plan_id: 'p', event: 'e', date, precision, years: null });
  it.each([
    ['2025-05-19', '2025-01-05', '2025-05-19'], // a date in the plan's year stays
    ['1890-05-19', '2025-01-05', '2025-05-19'], // an original-event date moves to the plan's year
    ['1945-01-02', '2025-01-05', '2026-01-02'], // … or the next one when that day is already past at issue
    ['2025-05-19', null, '2025-05-19'],
  ])('date %s, plan issued %s → %s', (date, issued, expected) => {
    expect(occurrenceDay(row(date), issued)).toBe(expected);
  });
  it('leaves month and year precision undated', () => {
    expect(occurrenceDay(row('2025-03', 'month'), '2025-01-05')).toBeNull();
    expect(occurrenceDay(row('2025', 'year'), '2025-01-05')).toBeNull();
  });
  it('finds anniversary themes by title, with or without accents', () => {
    const t = (title: string) => ({ title }) as q.ThemeRow;
    expect(anniversaryThemes([t('Tuyên truyền kỷ niệm các ngày lễ lớn'), t('Chuyển đổi số'), t('Tuyen truyen ngay le lon'), t('Niềm tin')]).map((x) => x.title))
      .toEqual(['Tuyên truyền kỷ niệm các ngày lễ lớn', 'Tuyen truyen ngay le lon']);
  });
});

const statusOf = (a: any) => Object.fromEntries(a.units.map((u: any) => [u.unitId, u.status]));

describe('GET /api/anniversaries', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  }, 60_000);
  afterAll(() => w?.close());

  it('judges a closed window at its boundaries: first and last day on time, the day after late, the day before silent', async () => {
    const { status, body } = await getJson(w.base, '/api/anniversaries', { headers: await w.login('staff') });
    expect(status).toBe(200);
    expect(body.window).toEqual({ daysBefore: 14, daysAfter: 7 });
    expect(body.rule).toMatchObject({ kind: 'themes', themes: [{ id: w.themeId('t2') }] });
    const a1 = body.anniversaries.find((a: any) => a.on === '2025-05-19');
    expect(a1.window).toEqual({ from: '2025-05-05', to: '2025-05-26' });
    expect(a1.state).toBe('closed');
    expect(statusOf(a1)).toEqual({ tinh: 'silent', 'khoi-a': 'on-time', 'so-a1': 'on-time', 'khoi-b': 'late', 'so-b1': 'silent' });
    expect(a1.counts).toEqual({ onTime: 2, late: 1, silent: 2, pending: 0 });
  });

  it('keeps units pending while the window is open, and lists undated events unjudged', async () => {
    const { body } = await getJson(w.base, '/api/anniversaries', { headers: await w.login('staff') });
    const a2 = body.anniversaries.find((a: any) => a.on === '2025-06-25');
    expect(a2.state).toBe('open');
    expect(statusOf(a2)).toEqual({ tinh: 'pending', 'khoi-a': 'pending', 'so-a1': 'on-time', 'khoi-b': 'pending', 'so-b1': 'pending' });
    const undated = body.anniversaries.find((a: any) => a.precision === 'month');
    expect(undated).toMatchObject({ on: null, state: 'undated', units: [] });
  });

  it('reads the window from the settings', async () => {
    await q.setSetting(w.db, 'anniversary.daysBefore', '13');
    await q.setSetting(w.db, 'anniversary.daysAfter', '8');
    try {
      const { body } = await getJson(w.base, '/api/anniversaries', { headers: await w.login('staff') });
      const a1 = body.anniversaries.find((a: any) => a.on === '2025-05-19');
      expect(a1.window).toEqual({ from: '2025-05-06', to: '2025-05-27' });
      // 05/05 now falls before the window; 27/05 inside it.
      expect(statusOf(a1)).toMatchObject({ 'so-a1': 'silent', 'khoi-b': 'on-time' });
    } finally {
      await q.setSetting(w.db, 'anniversary.daysBefore', '14');
      await q.setSetting(w.db, 'anniversary.daysAfter', '7');
    }
  });

  it('shows a lead only their subtree', async () => {
    const { body } = await getJson(w.base, '/api/anniversaries', { headers: await w.login('lead-b') });
    expect(body.units.map((u: any) => u.id)).toEqual(['khoi-b', 'so-b1']);
    const a1 = body.anniversaries.find((a: any) => a.on === '2025-05-19');
    expect(statusOf(a1)).toEqual({ 'khoi-b': 'late', 'so-b1': 'silent' });
  });
});
