import type { RequestLimiter } from './limiter';
import type { RobotsCache } from './robots-cache';

export const DEFAULT_USER_AGENT =
  'Mozilla/5.0 (compatible; tdtt-monitor/0.1; +https://github.com/tdtt/tdtt#thu-thap) theo-doi-tuyen-truyen';
/** Product token matched against robots.txt user-agent lines. */
export const ROBOTS_TOKEN = 'tdtt-monitor';

export interface FetchOptions {
  userAgent?: string;
  connectTimeoutMs?: number;
  /** Whole exchange, body included, per attempt. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  /** Decode bodies with this charset whatever they declare (a source's encoding override). */
  charset?: string | null;
  /** Hosts, IPs, IPv4 CIDRs or "loopback" that may resolve to non-public addresses. */
  allowPrivate?: readonly string[];
  /** robots.txt cache; `false` skips robots (only for robots.txt itself). */
  robots?: RobotsCache | false;
  limiter?: RequestLimiter | null;
  /** Extra attempts after the first for retryable failures. */
  retries?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Longest Retry-After we wait for inside one fetch; longer ones fail with retryAfterMs set. */
  maxRetryAfterMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface ResolvedFetchOptions extends Required<Omit<FetchOptions, 'etag' | 'lastModified' | 'robots' | 'limiter' | 'charset'>> {
  charset: string | null;
  etag: string | null;
  lastModified: string | null;
  robots: RobotsCache | false;
  limiter: RequestLimiter | null;
}

export function resolveOptions(o: FetchOptions): ResolvedFetchOptions {
  return {
    userAgent: o.userAgent ?? DEFAULT_USER_AGENT,
    connectTimeoutMs: o.connectTimeoutMs ?? 10_000,
    timeoutMs: o.timeoutMs ?? 30_000,
    maxBytes: o.maxBytes ?? 10 * 1024 * 1024,
    maxRedirects: o.maxRedirects ?? 5,
    etag: o.etag ?? null,
    lastModified: o.lastModified ?? null,
    charset: o.charset ?? null,
    accept: o.accept ?? 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8',
    allowPrivate: o.allowPrivate ?? [],
    robots: o.robots ?? false,
    limiter: o.limiter ?? null,
    retries: o.retries ?? 2,
    retryBaseMs: o.retryBaseMs ?? 1000,
    retryMaxMs: o.retryMaxMs ?? 30_000,
    maxRetryAfterMs: o.maxRetryAfterMs ?? 10_000,
    random: o.random ?? Math.random,
    sleep: o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
  };
}
