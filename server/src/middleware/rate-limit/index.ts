import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from '../errors';
import { retryAfterMs } from './window';

export { retryAfterMs } from './window';
export { memoryFailureStore } from './memory-store';

/** Where failures are counted (the server keeps them in DuckDB so a restart does not reset them). */
export interface FailureStore {
  failures(keys: string[], since: Date): Promise<Map<string, Date[]>>;
  record(keys: string[], at: Date): Promise<void>;
  clear(keys: string[], now: Date): Promise<void>;
}

export interface RateLimitOptions {
  /** Failures allowed per key in the window (or per kind of key); the next attempt answers 429. */
  max?: number | ((key: string) => number);
  windowMs?: number;
  /** The keys an attempt counts against, e.g. ['user:an', 'ip:10.0.0.1']; each is limited on its own. */
  keys: (c: Context) => string[] | Promise<string[]>;
  store: FailureStore;
  now?: () => Date;
  /** Whether the handled request was a failure (default: it answered 401). */
  isFailure?: (c: Context) => boolean;
  /** Keys whose count a success clears (default: none). */
  clearOnSuccess?: (key: string) => boolean;
  onLimited?: (c: Context, keys: string[]) => Promise<void> | void;
}

/**
 * Limits failed attempts per key (sign-in per (username, address) pair and per address): 429 with
 * Retry-After. Checking the count and reserving a place for this attempt happen under one lock, and an
 * attempt still in progress counts as a failure until it ends: 40 parallel attempts cannot all read
 * "4 failures so far" and all go on to the password check. (One server process owns the database, so
 * an in-process lock is enough.)
 */
export function rateLimit(opts: RateLimitOptions): MiddlewareHandler {
  const max = opts.max ?? 5;
  const maxFor = typeof max === 'number' ? () => max : max;
  const windowMs = opts.windowMs ?? 15 * 60_000;
  const now = opts.now ?? (() => new Date());
  const isFailure = opts.isFailure ?? ((c: Context) => c.res.status === 401);
  const inFlight = new Map<string, number>();
  let gate: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = gate.then(fn);
    gate = run.catch(() => undefined);
    return run;
  };
  const release = (keys: string[]) => {
    for (const k of keys) {
      const n = (inFlight.get(k) ?? 1) - 1;
      if (n > 0) inFlight.set(k, n);
      else inFlight.delete(k);
    }
  };

  return async function rateLimitMiddleware(c, next) {
    const keys = [...new Set(await opts.keys(c))];
    const at = now();
    const wait = await exclusive(async () => {
      const seen = await opts.store.failures(keys, new Date(at.getTime() - windowMs));
      const counted = (k: string) => [...(seen.get(k) ?? []), ...Array.from({ length: inFlight.get(k) ?? 0 }, () => at)];
      const w = Math.max(0, ...keys.map((k) => retryAfterMs(counted(k), maxFor(k), windowMs, at)));
      if (w === 0) for (const k of keys) inFlight.set(k, (inFlight.get(k) ?? 0) + 1);
      return w;
    });
    if (wait > 0) {
      await opts.onLimited?.(c, keys);
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      throw new ApiError(429, 'rate_limited', `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(wait / 60_000)} phút`);
    }
    try {
      await next();
      if (isFailure(c)) await opts.store.record(keys, at);
      else if (c.res.status < 400 && opts.clearOnSuccess) await opts.store.clear(keys.filter(opts.clearOnSuccess), at);
    } finally {
      release(keys);
    }
  };
}
