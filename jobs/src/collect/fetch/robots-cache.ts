import { ALLOW_ALL, isPathAllowed, parseRobots, type RobotsRules } from './robots';

// robots.txt per origin, fetched once per TTL. The fetcher is injected so the
// cache stays free of HTTP details (fetchResource passes itself, robots off).

export type RobotsLoader = (robotsUrl: string) => Promise<{ status: number; text: string } | null>;

export class RobotsCache {
  private readonly entries = new Map<string, { at: number; rules: Promise<RobotsRules> }>();
  constructor(
    readonly token: string,
    private readonly ttlMs = 6 * 3600_000,
  ) {}

  rulesFor(origin: string, load: RobotsLoader): Promise<RobotsRules> {
    const hit = this.entries.get(origin);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.rules;
    const rules = load(origin + '/robots.txt').then(
      // Missing robots (4xx) or a broken server: no rules we can honour.
      (r) => (r && r.status >= 200 && r.status < 300 ? parseRobots(r.text, this.token) : ALLOW_ALL),
      () => ALLOW_ALL,
    );
    this.entries.set(origin, { at: Date.now(), rules });
    return rules;
  }

  async allowed(url: URL, load: RobotsLoader): Promise<{ allowed: boolean; crawlDelayMs: number | null }> {
    if (url.pathname === '/robots.txt') return { allowed: true, crawlDelayMs: null };
    const rules = await this.rulesFor(url.origin, load);
    return { allowed: isPathAllowed(rules, url.pathname + url.search), crawlDelayMs: rules.crawlDelayMs };
  }
}
