// When to poll a source next. Pure: `now` and `random` come in.
// Success → interval adapted to how often the unit publishes (within floor
// and ceiling). Failure → exponential backoff on the weighted failure score,
// capped at the ceiling: a failing source is never parked for good.

export interface PollPolicy {
  floorMs: number;
  ceilingMs: number;
  /** Fraction of jitter, e.g. 0.1 → ±10 %. */
  jitter: number;
}

export const DEFAULT_POLL_POLICY: PollPolicy = { floorMs: 15 * 60_000, ceilingMs: 24 * 3600_000, jitter: 0.1 };

/** How much one failure weighs: timeouts and server hiccups less than hard errors. */
export function failureWeight(kind: string, status: number | null = null): number {
  switch (kind) {
    case 'timeout':
    case 'network':
      return 1;
    case 'http-status':
      if (status === 429 || status === 503) return 0.5;
      if (status !== null && status >= 500) return 1;
      return 3; // 4xx: the address itself is wrong
    case 'robots-unavailable':
      return 0.5; // the site's robots.txt is down: wait and ask again, as for a 503
    case 'too-large':
    case 'empty':
    case 'robots-disallowed':
    case 'html-not-feed':
    case 'malformed-xml':
    case 'not-a-feed':
    case 'not-a-sitemap':
    case 'unknown-format':
      return 2;
    case 'tls':
    case 'private-address':
    case 'redirect-loop':
    case 'bad-url':
      return 3;
    default:
      return 2;
  }
}

/** Median gap between publication times, or null with fewer than 2 dates. */
export function publishingIntervalMs(dates: readonly Date[], now: Date, windowDays = 90): number | null {
  const since = now.getTime() - windowDays * 86_400_000;
  const ts = dates.map((d) => d.getTime()).filter((t) => t >= since && t <= now.getTime()).sort((a, b) => b - a);
  if (ts.length < 2) return ts.length === 1 ? now.getTime() - ts[0]! : null;
  const gaps = ts.slice(1).map((t, i) => ts[i]! - t).sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)]!;
}

function jittered(ms: number, p: PollPolicy, random: () => number): number {
  return Math.round(ms * (1 + p.jitter * (2 * random() - 1)));
}

export interface NextPollInput {
  now: Date;
  ok: boolean;
  /** Weighted consecutive failures after this run. */
  failureScore: number;
  /** Typical gap between the unit's posts, when known. */
  publishIntervalMs?: number | null;
  /** The server asked us to wait this long (Retry-After). */
  retryAfterMs?: number | null;
  /** An admin's fixed interval for this source (overrides the learnt one on success, not the backoff). */
  fixedIntervalMs?: number | null;
  policy?: PollPolicy;
  random?: () => number;
}

export function nextPollAt(i: NextPollInput): Date {
  const p = i.policy ?? DEFAULT_POLL_POLICY;
  const random = i.random ?? Math.random;
  let ms: number;
  if (i.ok) {
    // Poll about four times per typical gap; unknown → halfway on a log scale.
    const target = i.publishIntervalMs ? i.publishIntervalMs / 4 : Math.sqrt(p.floorMs * p.ceilingMs);
    ms = Math.min(p.ceilingMs, Math.max(p.floorMs, target));
    if (i.fixedIntervalMs) return new Date(i.now.getTime() + Math.max(i.fixedIntervalMs, i.retryAfterMs ?? 0));
  } else {
    ms = Math.min(p.ceilingMs, p.floorMs * 2 ** Math.max(0, i.failureScore - 1));
  }
  ms = Math.min(p.ceilingMs * (1 + p.jitter), Math.max(p.floorMs * (1 - p.jitter), jittered(ms, p, random)));
  if (i.retryAfterMs) ms = Math.max(ms, Math.min(i.retryAfterMs, p.ceilingMs * (1 + p.jitter)));
  return new Date(i.now.getTime() + ms);
}
