/**
 * How long until a key may try again: with `max` failures allowed per sliding window, the key is
 * blocked while the window holds `max` or more; it frees when enough of the oldest fall out.
 * Returns 0 when not limited. `times` need not be sorted.
 */
export function retryAfterMs(times: Date[], max: number, windowMs: number, now: Date): number {
  const t = now.getTime();
  const inWindow = times.map((d) => d.getTime()).filter((x) => x > t - windowMs && x <= t).sort((a, b) => a - b);
  if (inWindow.length < max) return 0;
  // After the (n - max + 1) oldest expire, n - (n - max + 1) = max - 1 remain: allowed again.
  return inWindow[inWindow.length - max]! + windowMs - t;
}
