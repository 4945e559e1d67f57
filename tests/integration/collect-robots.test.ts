import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, HostLimiter, RobotsCache, ROBOTS_TOKEN, fetchResource, type FetchOptions } from '@tdtt/jobs/collect';
import { failureWeight } from '@tdtt/jobs/collect/poll';
import { collectSource } from '@tdtt/jobs/pipeline';
import { MemoryStore, sourceRecord } from '../fixtures/hostile-server';
import { startHostileServer, type HostileServer } from '../fixtures/hostile-server';

// RFC 9309 §2.3.1 on real servers: robots.txt 5xx or unreachable → nothing is fetched for now
// (and robots.txt is asked again later); 4xx → no rules, everything may be fetched.

const servers: HostileServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));
async function server(robots: 'ok' | number | 'reset'): Promise<HostileServer> {
  const s = await startHostileServer({ robots });
  servers.push(s);
  return s;
}

const opts = (robots: RobotsCache): FetchOptions => ({
  allowPrivate: ['loopback'], timeoutMs: 1500, connectTimeoutMs: 500, retries: 2, retryBaseMs: 10, robots, limiter: new HostLimiter({ minDelayMs: 0 }),
});

describe('robots.txt that cannot be read', () => {
  let s503: HostileServer;
  let reset: HostileServer;
  let s404: HostileServer;
  beforeAll(async () => {
    [s503, reset, s404] = await Promise.all([server(503), server('reset'), server(404)]);
  });

  it.each([['503', () => s503], ['a dropped connection', () => reset]])('robots.txt answered %s: the page is not fetched, the error says to retry later', async (_n, srv) => {
    const robots = new RobotsCache(ROBOTS_TOKEN, 6 * 3600_000, 60_000);
    const r = await fetchResource(srv().url('/healthy/a/1.html'), opts(robots));
    expect(r).toBeInstanceOf(FetchError);
    const e = r as FetchError;
    expect(e.kind).toBe('robots-unavailable');
    expect(e.message).toMatch(/robots\.txt/);
    expect(e.retryAfterMs).toBeGreaterThan(0);
    expect(e.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(srv().hits.get('/healthy/a/1.html') ?? 0).toBe(0);
    expect(failureWeight(e.kind)).toBeLessThan(failureWeight('robots-disallowed'));
  });

  it('the unreachable verdict expires: robots.txt is asked again on the next run', async () => {
    const robots = new RobotsCache(ROBOTS_TOKEN, 6 * 3600_000, 50);
    const before = s503.hits.get('/robots.txt') ?? 0;
    await fetchResource(s503.url('/healthy/a/2.html'), opts(robots));
    await fetchResource(s503.url('/healthy/a/3.html'), opts(robots));
    expect((s503.hits.get('/robots.txt') ?? 0) - before).toBe(1); // cached within the run
    await new Promise((r) => setTimeout(r, 80));
    await fetchResource(s503.url('/healthy/a/2.html'), opts(robots));
    expect((s503.hits.get('/robots.txt') ?? 0) - before).toBe(2);
  });

  it('robots.txt answered 404: no rules, the page is fetched', async () => {
    const r = await fetchResource(s404.url('/private/feed.xml'), opts(new RobotsCache(ROBOTS_TOKEN)));
    if (r instanceof FetchError) throw r;
    expect(r.status).toBe(200);
  });

  it('a collection run on a site whose robots.txt answers 503: the source waits (light failure), nothing is fetched', async () => {
    const store = new MemoryStore();
    const now = new Date('2025-03-01T00:00:00+07:00');
    const s = await collectSource(sourceRecord(1, s503.url('/healthy/feed.xml')), { store, fetch: opts(new RobotsCache(ROBOTS_TOKEN)), now: () => now, random: () => 0.5 });
    expect(s.ok).toBe(false);
    expect(store.lastState(1)).toMatchObject({ ok: false, errorKind: 'robots-unavailable', failureScore: 0.5 });
    expect(Date.parse(store.lastState(1)!.nextPollAt)).toBeGreaterThan(now.getTime());
    expect(store.postsOf(1)).toHaveLength(0);
  });
});
