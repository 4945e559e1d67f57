import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostLimiter, RobotsCache, ROBOTS_TOKEN, type FetchOptions } from '@tdtt/jobs/collect';
import { collectSource } from '@tdtt/jobs/pipeline';
import { MemoryStore, sourceRecord, startHostileServer, type HostileServer } from '../fixtures/hostile-server';

// Listing sources with no selector, collected as the scheduler does: the main article list found
// by the page's structure, older pages followed within the horizon, the listing's dates kept (with
// their origin) when the articles carry none.

let srv: HostileServer;
beforeAll(async () => {
  srv = await startHostileServer();
});
afterAll(() => srv.close());

const fetch = (): FetchOptions => ({
  allowPrivate: ['loopback'], timeoutMs: 5000, retries: 0, robots: new RobotsCache(ROBOTS_TOKEN), limiter: new HostLimiter({ perHost: 4, minDelayMs: 0 }),
});

describe('listing sources without selectors', () => {
  it('Liferay: page 2 (_cur=2) is read for backfill; items past the horizon are left; dates come from the list', async () => {
    const store = new MemoryStore();
    const now = new Date('2022-08-01T09:00:00+07:00');
    const s = await collectSource(sourceRecord(1, srv.url('/web/sovanhoa/tin-tuc-su-kien'), 'listing'), { store, fetch: fetch(), now: () => now, horizonDays: 548 });
    expect(s.ok).toBe(true);
    // Page 1 has 3 items within 18 months and 2 from 2020; page 2 only 2012 items: nothing older is read.
    expect(store.fetches.filter((f) => f.url.includes('_cur=2'))).toHaveLength(1);
    expect(store.fetches.some((f) => f.url.includes('_cur=3'))).toBe(false);
    const posts = store.postsOf(1).sort((a, b) => (a.publishedAt! < b.publishedAt! ? 1 : -1));
    expect(posts.map((p) => [p.publishedAt, p.publishedSource])).toEqual([
      ['2022-07-21T10:00:00+07:00', 'listing'], ['2022-07-18T14:30:00+07:00', 'listing'], ['2022-07-15T07:45:00+07:00', 'listing'],
    ]);
    expect(posts[0]!.title).toBe('Hội thi tuyên truyền lưu động chào mừng kỷ niệm Quốc khánh 2/9');
  });

  it('a portal section: 24 articles per page, ?page=2 followed while it brings new ones, sidebars never collected', async () => {
    const store = new MemoryStore();
    const now = new Date('2025-02-03T10:30:00+07:00');
    const s = await collectSource(sourceRecord(2, srv.url('/chinh-tri.htm'), 'listing'), { store, fetch: fetch(), now: () => now, maxPages: 5 });
    expect(s.ok).toBe(true);
    const urls = store.postsOf(2).map((p) => new URL(p.url).pathname);
    expect(urls.filter((u) => u.startsWith('/chinh-tri/bai-viet-so-'))).toHaveLength(24);
    expect(urls.filter((u) => u.startsWith('/chinh-tri/bai-cu-so-'))).toHaveLength(24);
    expect(urls.some((u) => /doc-nhieu|lay-y-kien/.test(u))).toBe(false);
    // Page 3 repeats page 2: nothing new, so the backfill stops there.
    expect(store.fetches.filter((f) => /[?&]page=\d/.test(f.url)).map((f) => new URL(f.url).searchParams.get('page'))).toEqual(['2', '3']);
    for (const p of store.postsOf(2)) {
      expect(p.publishedAt).toMatch(/\+07:00$/);
      expect(p.publishedSource).toBe('listing');
    }
  });
});
