import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, HostLimiter } from '@tdtt/jobs/collect';
import { discoverSources } from '@tdtt/jobs/pipeline';
import { startHostileServer, type HostileServer } from '../fixtures/hostile-server';

// Adding a unit by its home page URL proposes its real feeds and sitemaps.

let srv: HostileServer;
beforeAll(async () => {
  srv = await startHostileServer();
});
afterAll(() => srv.close());

const fetch = { allowPrivate: ['loopback'], retries: 0, timeoutMs: 2000, limiter: new HostLimiter({ minDelayMs: 0 }) };

describe('discoverSources', () => {
  it('proposes the declared feed, the robots.txt sitemap and the linked sitemap, verified', async () => {
    const r = await discoverSources(srv.url('/home.html'), fetch);
    expect(r.listingFallback).toBe(false);
    expect(r.proposals).toEqual([
      { url: srv.url('/sitemap-index.xml'), kind: 'sitemap', via: 'robots', title: null },
      { url: srv.url('/healthy/feed.xml'), kind: 'feed', via: 'link-alternate', title: 'Tin tức' },
      { url: srv.url('/sitemap.xml'), kind: 'sitemap', via: 'anchor', title: 'Sơ đồ trang' },
      { url: srv.url('/atom.xml'), kind: 'feed', via: 'common-path', title: null },
    ]);
  });
  it('proposes only verified feeds and sitemaps, never the page itself', async () => {
    const r = await discoverSources(srv.url('/listing/1.html'), fetch);
    expect(r.proposals.map((p) => p.url)).not.toContain(srv.url('/listing/1.html'));
    expect(r.proposals.every((p) => p.kind === 'feed' || p.kind === 'sitemap')).toBe(true);
  });
  it('an unreachable home page is a typed error', async () => {
    await expect(discoverSources(srv.url('/not-found.xml'), fetch)).rejects.toBeInstanceOf(FetchError);
  });
});
