import { describe, expect, it } from 'vitest';
import { anniversaryTimeliness, monthPeriod, overlaps, scoreUnit, subtreeScore, vietnamDay, addMonths } from './index';

describe('periods', () => {
  it.each([
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2025-02', '2025-02-01', '2025-02-28'],
    ['2025-12', '2025-12-01', '2025-12-31'],
  ])('monthPeriod(%s)', (m, from, to) => expect(monthPeriod(m)).toEqual({ from, to }));

  it('rejects a bad month', () => expect(() => monthPeriod('2025-13')).toThrow(RangeError));

  it('adds months across years', () => {
    expect(addMonths('2025-11', 3)).toBe('2026-02');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
  });

  it('places an instant on the Vietnam calendar day', () => {
    expect(vietnamDay(new Date('2025-01-31T17:30:00Z'))).toBe('2025-02-01');
    expect(vietnamDay(new Date('2025-01-31T16:59:59Z'))).toBe('2025-01-31');
  });

  it.each([
    [{ startsOn: '2021-06-01', endsOn: '2021-12-31' }, '2021-12', true],
    [{ startsOn: '2021-06-01', endsOn: '2021-12-31' }, '2022-01', false],
    [{ startsOn: '2022-01-01', endsOn: null }, '2030-05', true],
    [{ startsOn: '2022-01-01', endsOn: null }, '2021-12', false],
    [{ startsOn: null, endsOn: '2021-05-23' }, '2021-05', true],
    [{ startsOn: '2021-05-31', endsOn: '2021-06-01' }, '2021-05', true],
  ])('phase %j overlaps %s → %s', (w, m, want) => expect(overlaps(w, monthPeriod(m))).toBe(want));
});

describe('scoreUnit', () => {
  const themes = [
    { id: 'a', class: 'core', minMatches: 1 },
    { id: 'b', class: 'regular', minMatches: 1 },
    { id: 'c', class: 'regular', minMatches: 2 },
  ];
  it('weights core themes double and honours minimums', () => {
    const counts: Record<string, { own: number; repost: number }> = { a: { own: 1, repost: 0 }, c: { own: 1, repost: 0 } };
    // covered: a (weight 2) of total 4; c has 1 < 2
    expect(scoreUnit(themes, (id) => counts[id])).toEqual({ score: 50, covered: 1, active: 3 });
  });
  it('counts reposts toward coverage but not submitted evidence', () => {
    const counts: Record<string, { own: number; repost: number; submitted: number }> = {
      b: { own: 0, repost: 1, submitted: 0 },
      c: { own: 0, repost: 0, submitted: 5 },
    };
    expect(scoreUnit(themes, (id) => counts[id])).toEqual({ score: 25, covered: 1, active: 3 });
  });
  it('scores 0 with no active theme', () => expect(scoreUnit([], () => undefined).score).toBe(0));
  it('averages a subtree', () => expect(subtreeScore([100, 50, 0])).toBe(50));
});

describe('anniversaryTimeliness', () => {
  const date = '2025-02-03';
  it.each([
    [['2025-01-20'], '2025-03-01', 'on-time'], // 14 days before: inside
    [['2025-01-19'], '2025-03-01', 'silent'], // 15 days before: too early, nothing after
    [['2025-02-10'], '2025-03-01', 'on-time'], // 7 days after: inside
    [['2025-02-11'], '2025-03-01', 'late'],
    [[], '2025-02-05', 'pending'],
    [[], '2025-02-11', 'silent'],
  ])('posts %j seen on %s → %s', (days, today, want) => expect(anniversaryTimeliness(date, days, today)).toBe(want));
});
