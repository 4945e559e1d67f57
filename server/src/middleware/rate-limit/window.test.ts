import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './window';

const now = new Date('2025-03-01T10:00:00Z');
const ago = (min: number) => new Date(now.getTime() - min * 60_000);
const W = 15 * 60_000;

describe('retryAfterMs', () => {
  it.each([
    { name: 'no failures', times: [], want: 0 },
    { name: 'four failures of five', times: [ago(1), ago(2), ago(3), ago(4)], want: 0 },
    { name: 'five failures: free when the oldest leaves', times: [ago(1), ago(2), ago(3), ago(4), ago(10)], want: 5 * 60_000 },
    { name: 'unsorted input', times: [ago(10), ago(1), ago(4), ago(2), ago(3)], want: 5 * 60_000 },
    { name: 'seven failures: the third oldest must leave', times: [ago(1), ago(2), ago(3), ago(4), ago(5), ago(12), ago(14)], want: 10 * 60_000 },
    { name: 'old failures do not count', times: [ago(1), ago(2), ago(3), ago(4), ago(16), ago(20)], want: 0 },
    { name: 'failures stamped in the future are ignored', times: [ago(1), ago(2), ago(3), ago(4), ago(-5)], want: 0 },
  ])('$name', ({ times, want }) => {
    expect(retryAfterMs(times, 5, W, now)).toBe(want);
  });
});
