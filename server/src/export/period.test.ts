import { describe, expect, it } from 'vitest';
import { PeriodError, resolvePeriod, type PeriodQuery } from './period';

describe('resolvePeriod', () => {
  const ok: [PeriodQuery, { kind: string; from: string; to: string; label: string; slug: string }][] = [
    [{}, { kind: 'month', from: '2025-06-01', to: '2025-06-30', label: 'Tháng 6/2025', slug: '2025-06' }],
    [{ month: '2024-02' }, { kind: 'month', from: '2024-02-01', to: '2024-02-29', label: 'Tháng 2/2024', slug: '2024-02' }],
    [{ quarter: '2025-Q1' }, { kind: 'quarter', from: '2025-01-01', to: '2025-03-31', label: 'Quý I/2025', slug: '2025-Q1' }],
    [{ quarter: '2025-q4' }, { kind: 'quarter', from: '2025-10-01', to: '2025-12-31', label: 'Quý IV/2025', slug: '2025-Q4' }],
    [{ year: '2025' }, { kind: 'year', from: '2025-01-01', to: '2025-12-31', label: 'Năm 2025', slug: '2025' }],
    [{ from: '2025-03-05', to: '2025-03-05' }, { kind: 'range', from: '2025-03-05', to: '2025-03-05', label: 'Từ 05/03/2025 đến 05/03/2025', slug: '2025-03-05_2025-03-05' }],
  ];
  it.each(ok)('%j', (q, want) => {
    expect(resolvePeriod(q, '2025-06')).toMatchObject(want);
  });

  const bad: [PeriodQuery, string][] = [
    [{ month: '2025-13' }, 'month'],
    [{ quarter: '2025-Q5' }, 'quarter'],
    [{ year: '25' }, 'year'],
    [{ from: '2025-03-01' }, 'to'],
    [{ to: '2025-03-01' }, 'from'],
    [{ from: '2025-02-29', to: '2025-03-01' }, 'from'],
    [{ from: '2025-03-02', to: '2025-03-01' }, 'to'],
    [{ month: '2025-03', year: '2025' }, 'year'],
    [{ quarter: '2025-Q1', from: '2025-01-01', to: '2025-01-02' }, 'from'],
  ];
  it.each(bad)('%j → error naming %s', (q, field) => {
    let err: unknown;
    try {
      resolvePeriod(q, '2025-06');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PeriodError);
    expect((err as PeriodError).field).toBe(field);
    expect((err as PeriodError).message.startsWith(`${field}: `)).toBe(true);
  });
});
