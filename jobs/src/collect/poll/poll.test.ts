import { describe, expect, it } from 'vitest';
import { DEFAULT_POLL_POLICY, failureWeight, nextPollAt, publishingIntervalMs } from './poll-policy';

const now = new Date('2025-02-10T00:00:00Z');
const H = 3600_000;
const policy = { floorMs: 15 * 60_000, ceilingMs: 24 * H, jitter: 0.1 };
const mid = () => 0.5; // no jitter

describe('failureWeight: hard errors weigh more than timeouts', () => {
  const cases: Array<[string, number | null, number]> = [
    ['timeout', null, 1], ['network', null, 1], ['http-status', 503, 0.5], ['http-status', 500, 1],
    ['http-status', 404, 3], ['private-address', null, 3], ['tls', null, 3], ['malformed-xml', null, 2], ['html-not-feed', null, 2],
  ];
  it.each(cases)('%s %s → %s', (kind, status, w) => expect(failureWeight(kind, status)).toBe(w));
  it('orders hard > timeout', () => expect(failureWeight('http-status', 404)).toBeGreaterThan(failureWeight('timeout')));
});

describe('nextPollAt', () => {
  const gap = (i: Parameters<typeof nextPollAt>[0]) => nextPollAt(i).getTime() - now.getTime();
  it('a daily publisher is polled more often than a monthly one, within floor and ceiling', () => {
    const daily = gap({ now, ok: true, failureScore: 0, publishIntervalMs: 24 * H, policy, random: mid });
    const monthly = gap({ now, ok: true, failureScore: 0, publishIntervalMs: 30 * 24 * H, policy, random: mid });
    const burst = gap({ now, ok: true, failureScore: 0, publishIntervalMs: 60_000, policy, random: mid });
    expect(daily).toBe(6 * H);
    expect(monthly).toBe(policy.ceilingMs);
    expect(burst).toBe(policy.floorMs);
  });
  it('backs off exponentially on failures, up to the ceiling, never beyond', () => {
    const gaps = [1, 2, 3, 5, 8, 50, 1e6].map((failureScore) => gap({ now, ok: false, failureScore, policy, random: mid }));
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThanOrEqual(gaps[i - 1]!);
    expect(gaps[0]).toBe(policy.floorMs);
    expect(gaps.at(-1)).toBe(policy.ceilingMs);
  });
  it('jitter stays within ±10 % and within bounds', () => {
    for (const r of [0, 0.25, 0.75, 1]) {
      const g = gap({ now, ok: false, failureScore: 4, policy, random: () => r });
      expect(g).toBeGreaterThanOrEqual(policy.floorMs * 8 * 0.9);
      expect(g).toBeLessThanOrEqual(policy.floorMs * 8 * 1.1);
    }
  });
  it('honours Retry-After, capped at the ceiling', () => {
    expect(gap({ now, ok: false, failureScore: 0.5, retryAfterMs: 2 * H, policy, random: mid })).toBe(2 * H);
    expect(gap({ now, ok: false, failureScore: 0.5, retryAfterMs: 90 * 24 * H, policy, random: mid })).toBeLessThanOrEqual(policy.ceilingMs * 1.1);
  });
  it('uses sane defaults', () => {
    const g = gap({ now, ok: true, failureScore: 0, random: mid });
    expect(g).toBeGreaterThanOrEqual(DEFAULT_POLL_POLICY.floorMs);
    expect(g).toBeLessThanOrEqual(DEFAULT_POLL_POLICY.ceilingMs);
  });
});

describe('publishingIntervalMs', () => {
  const d = (h: number) => new Date(now.getTime() - h * H);
  const cases: Array<[string, Date[], number | null]> = [
    ['none', [], null],
    ['daily', [d(1), d(25), d(49), d(73)], 24 * H],
    ['median resists one burst', [d(1), d(2), d(49), d(97), d(145)], 48 * H],
    ['ignores the future and the far past', [d(-5), d(10), d(34), d(5000)], 24 * H],
  ];
  it.each(cases)('%s', (_n, dates, ms) => expect(publishingIntervalMs(dates, now)).toBe(ms));
});
