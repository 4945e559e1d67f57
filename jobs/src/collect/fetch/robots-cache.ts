import { ALLOW_ALL, isPathAllowed, parseRobots, type RobotsRules } from './robots';

// robots.txt per origin, fetched once per TTL. The fetcher is injected so the
// cache stays free of HTTP details (fetchResource passes itself, robots off).
//
// RFC 9309 §2.3.1: a robots.txt answered 2xx is obeyed; 4xx ("unavailable")
// means no rules, crawl freely; 5xx, 429 or no answer at all ("unreachable")
// means complete disallow for now. The unreachable verdict is kept only
// `unreachableTtlMs`, so the next run asks again.

/** null: no answer (network, timeout). Throws when the host itself may not be reached. */
export type RobotsLoader = (robotsUrl: string) => Promise<{ status: number; text: string } | null>;

export interface RobotsVerdict {
  allowed: boolean;
  crawlDelayMs: number | null;
  /** robots.txt could not be read (5xx, 429, network): ask again after this many ms. */
  unreachableRetryMs?: number;
}

type Entry = { at: number; ttl: number; rules: Promise<RobotsRules | 'unreachable'> };

export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  constructor(
    readonly token: string,
    private readonly ttlMs = 6 * 3600_000,
    private readonly unreachableTtlMs = 10 * 60_000,
  ) {}

  rulesFor(origin: string, load: RobotsLoader): Promise<RobotsRules | 'unreachable'> {
    const hit = this.entries.get(origin);
    if (hit && Date.now() - hit.at < hit.ttl) return hit.rules;
    const entry: Entry = { at: Date.now(), ttl: this.ttlMs, rules: Promise.resolve(ALLOW_ALL) };
    entry.rules = load(origin + '/robots.txt').then(
      (r) => {
        if (r && r.status >= 200 && r.status < 300) return parseRobots(r.text, this.token);
        if (r && r.status >= 400 && r.status < 500 && r.status !== 429) return ALLOW_ALL;
        entry.ttl = this.unreachableTtlMs;
        return 'unreachable' as const;
      },
      (err: unknown) => {
        // The host itself is refused (private address, TLS, bad redirect): that error, not robots, is the answer.
        this.entries.delete(origin);
        throw err;
      },
    );
    this.entries.set(origin, entry);
    return entry.rules;
  }

  async allowed(url: URL, load: RobotsLoader): Promise<RobotsVerdict> {
    if (url.pathname === '/robots.txt') return { allowed: true, crawlDelayMs: null };
    const rules = await this.rulesFor(url.origin, load);
    if (rules === 'unreachable') {
      const e = this.entries.get(url.origin);
      const left = e ? Math.max(1000, e.at + e.ttl - Date.now()) : this.unreachableTtlMs;
      return { allowed: false, crawlDelayMs: null, unreachableRetryMs: left };
    }
    return { allowed: isPathAllowed(rules, url.pathname + url.search), crawlDelayMs: rules.crawlDelayMs };
  }
}
