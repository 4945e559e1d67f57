import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostLimiter, RobotsCache, ROBOTS_TOKEN, type FetchOptions } from '@tdtt/jobs/collect';
import { collectSource, type CollectSummary } from '@tdtt/jobs/pipeline';
import type { SourceRecord } from '@tdtt/jobs/ports';
import { FOOTER_TEXT, HEALTHY_ARTICLES, MemoryStore, SIDEBAR_TEXT, sourceRecord, startHostileServer, type HostileServer } from '../fixtures/hostile-server';

// One collection run over every hostile case at once, sharing one limiter
// and robots cache as the real job does: each source ends as a recorded,
// readable error or as correct posts, and nothing crashes.

type Expect = { path: string; kind?: SourceRecord['kind']; listing?: SourceRecord['listing']; posts?: number; error?: string };

const CASES: Expect[] = [
  { path: '/healthy/feed.xml', posts: 5 },
  { path: '/atom.xml', posts: 2 },
  { path: '/rdf.xml', posts: 2 },
  { path: '/youtube.xml', posts: 1 },
  { path: '/gzip/feed.xml', posts: 2 },
  { path: '/sitemap.xml', kind: 'sitemap', posts: 5 },
  { path: '/sitemap-index.xml', kind: 'sitemap', posts: 5 },
  { path: '/news-sitemap.xml.gz', kind: 'feed', posts: 1 }, // registered as a feed: read as the sitemap it is
  { path: '/listing/1.html', kind: 'listing', listing: { item: '.news-list a.title', next: '.pager a.next' }, posts: 6 },
  { path: '/archive/feed.xml', posts: 6 },
  { path: '/cp1258-feed.xml', posts: 1 },
  { path: '/utf16-feed.xml', posts: 1 },
  { path: '/dates-feed.xml', posts: 5 },
  { path: '/dup-guids.xml', posts: 2 },
  { path: '/relative-links.xml', posts: 2 },
  { path: '/no-links.xml', posts: 1 },
  { path: '/control-chars.xml', posts: 1 },
  { path: '/empty-feed.xml', posts: 0 },
  { path: '/feed-with-bad-article.xml', posts: 2 },
  { path: '/malformed.xml', error: 'malformed-xml' },
  { path: '/html-as-rss.xml', error: 'html-not-feed' },
  { path: '/empty-body.xml', error: 'empty' },
  { path: '/not-found.xml', error: 'http-status' },
  { path: '/server-error.xml', error: 'http-status' },
  { path: '/rate-limited.xml', error: 'http-status' },
  { path: '/timeout.xml', error: 'timeout' },
  { path: '/slow.xml', error: 'timeout' },
  { path: '/slow-listing.html', kind: 'listing', error: 'timeout' },
  { path: '/huge.xml', error: 'too-large' },
  { path: '/loop-a', error: 'redirect-loop' },
  { path: '/to-private', error: 'private-address' },
  { path: '/private/feed.xml', error: 'robots-disallowed' },
];

let srv: HostileServer;
const store = new MemoryStore();
const summaries = new Map<number, CollectSummary>();
const now = new Date('2025-03-01T00:00:00+07:00');
const sources: SourceRecord[] = [];

beforeAll(async () => {
  srv = await startHostileServer();
  const fetch: FetchOptions = {
    allowPrivate: ['loopback'], timeoutMs: 800, connectTimeoutMs: 500, maxBytes: 1024 * 1024, retries: 1, retryBaseMs: 10,
    maxRetryAfterMs: 0, robots: new RobotsCache(ROBOTS_TOKEN), limiter: new HostLimiter({ perHost: 2, minDelayMs: 0, global: 8 }),
  };
  CASES.forEach((c, i) => sources.push(sourceRecord(i + 1, srv.url(c.path), c.kind ?? 'feed', { listing: c.listing ?? null })));
  const results = await Promise.allSettled(sources.map((s) => collectSource(s, { store, fetch, now: () => now, random: () => 0.5 })));
  results.forEach((r, i) => {
    if (r.status === 'rejected') throw new Error(`source ${CASES[i]!.path} crashed: ${String(r.reason)}`);
    summaries.set(sources[i]!.id, r.value);
  });
}, 60_000);
afterAll(() => srv.close());

describe('a collection run over hostile sources', () => {
  it.each(CASES.map((c, i) => [c.path, c, i + 1] as const))('%s', (_p, c, id) => {
    const s = summaries.get(id)!;
    const state = store.lastState(id)!;
    expect(state).toBeDefined();
    expect(store.fetches.some((f) => f.sourceId === id && f.url === srv.url(c.path))).toBe(true);
    if (c.error) {
      expect(s.ok).toBe(false);
      expect(state).toMatchObject({ ok: false, errorKind: c.error });
      expect(state.error).toMatch(/\p{L}{2,}/u);
      expect(state.failureScore).toBeGreaterThan(0);
      expect(Date.parse(state.nextPollAt)).toBeGreaterThan(now.getTime());
      expect(store.postsOf(id)).toHaveLength(0);
    } else {
      expect(s.ok).toBe(true);
      expect(state).toMatchObject({ ok: true, failureScore: 0, errorKind: null });
      expect(store.postsOf(id)).toHaveLength(c.posts!);
      for (const p of store.postsOf(id)) {
        expect(p.text.length).toBeGreaterThan(100);
        expect(p.text).not.toContain(SIDEBAR_TEXT);
        expect(p.text).not.toContain(FOOTER_TEXT);
        expect(p.publishedAt === null || /\+07:00$/.test(p.publishedAt)).toBe(true);
        expect(p.simhash).toMatch(/^[0-9a-f]{16}$/);
      }
    }
  });

  const postsOf = (path: string) => store.postsOf(CASES.findIndex((c) => c.path === path) + 1);
  const byTitle = (path: string, title: string) => postsOf(path).find((p) => p.title === title)!;

  it('stores every healthy article with its feed date and its own text', () => {
    const posts = postsOf('/healthy/feed.xml');
    for (const a of HEALTHY_ARTICLES) {
      const p = posts.find((x) => x.url === srv.url(a.path))!;
      expect(p.title).toBe(a.title);
      expect(p.text).toContain(a.marker);
      expect(p.flags).toEqual([]);
    }
    expect(byTitle('/healthy/feed.xml', 'Kỷ niệm ngày thành lập Đảng').publishedAt).toBe('2025-02-03T10:00:00+07:00');
    expect(byTitle('/healthy/feed.xml', 'Tuyên truyền bầu cử').publishedAt).toBe('2025-02-04T14:30:00+07:00');
    expect(byTitle('/healthy/feed.xml', 'Phòng chống tham nhũng').publishedAt).toBe('2025-02-05T09:00:00+07:00');
  });

  it('dates: GMT+7, unreadable, future, too old, zone-less', () => {
    const path = '/dates-feed.xml';
    expect(byTitle(path, 'Ngày hợp lệ GMT+7')).toMatchObject({ publishedAt: '2025-02-03T08:15:00+07:00', flags: [] });
    expect(byTitle(path, 'Ngày không đọc được')).toMatchObject({ publishedAt: '2025-02-04T07:00:00+07:00', flags: ['date-from-text'] });
    expect(byTitle(path, 'Ngày tương lai')).toMatchObject({ publishedAt: null });
    expect(byTitle(path, 'Ngày tương lai').flags.sort()).toEqual(['future-date', 'no-date']);
    expect(byTitle(path, 'Ngày quá cũ').flags.sort()).toEqual(['no-date', 'too-old-date']);
    expect(byTitle(path, 'Ngày không múi giờ').publishedAt).toBe('2025-02-05T09:00:00+07:00');
    for (const p of postsOf(path)) expect(p.firstSeenAt).toBe('2025-03-01T00:00:00+07:00');
  });

  it('legacy encodings arrive as NFC Vietnamese', () => {
    expect(postsOf('/cp1258-feed.xml')[0]!.text).toContain('Tiếng Việt mã cũ: Ủy ban nhân dân huyện.');
    expect(postsOf('/cp1258-feed.xml')[0]!.title).toBe('Tin mã cũ: Ủy ban nhân dân huyện');
    expect(postsOf('/utf16-feed.xml')[0]!.text).toContain('Nội dung mã UTF-16: Hội đồng nhân dân.');
  });

  it('duplicates, relative links and link-less items', () => {
    expect(postsOf('/dup-guids.xml').map((p) => p.title).sort()).toEqual(['Bài khác', 'Bản gốc']);
    expect(postsOf('/relative-links.xml').map((p) => p.url).sort()).toEqual([srv.url('/healthy/a/1.html'), srv.url('/healthy/a/2.html')]);
    expect(postsOf('/no-links.xml')[0]!.url).toBe(srv.url('/healthy/a/4.html'));
    expect(summaries.get(CASES.findIndex((c) => c.path === '/no-links.xml') + 1)!.errors).toContainEqual(expect.objectContaining({ kind: 'item-without-link' }));
    // Sitemap index + gzipped news sitemap: the same article under a tracking URL is stored once.
    expect(new Set(postsOf('/sitemap-index.xml').map((p) => p.canonicalUrl)).size).toBe(5);
  });

  it('bad articles are recorded and do not stop the healthy ones', () => {
    const id = CASES.findIndex((c) => c.path === '/feed-with-bad-article.xml') + 1;
    expect(summaries.get(id)!.errors.map((e) => e.kind).sort()).toEqual(['http-status', 'timeout', 'too-large']);
    expect(store.fetches.filter((f) => f.sourceId === id && f.errorKind !== null)).toHaveLength(3);
    // The timed-out article may answer next time: the index hash is kept so the next run re-reads it.
    expect(store.lastState(id)!.lastContentHash).toBeNull();
    expect(store.lastState(CASES.findIndex((c) => c.path === '/healthy/feed.xml') + 1)!.lastContentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a failing source backs off, then clears by itself when it answers again', async () => {
    const recovering = sourceRecord(900, srv.url('/rate-limited-once.xml?k=recover'));
    const fetch = { allowPrivate: ['loopback'], retries: 0, maxRetryAfterMs: 0 };
    const first = await collectSource(recovering, { store, fetch, now: () => now, random: () => 0.5 });
    expect(first).toMatchObject({ ok: false, status: 'failed', failureScore: 0.5 });
    expect(store.lastState(900)).toMatchObject({ ok: false, errorKind: 'http-status' });
    const second = await collectSource(store.applyState(recovering), { store, fetch, now: () => now, random: () => 0.5 });
    expect(second).toMatchObject({ ok: true, failureScore: 0, newPosts: 1 });
    expect(store.lastState(900)).toMatchObject({ ok: true, failureScore: 0, error: null });
  });

  it('a rate-limited source waits at least as long as Retry-After asked', () => {
    const id = CASES.findIndex((c) => c.path === '/rate-limited.xml') + 1;
    expect(Date.parse(store.lastState(id)!.nextPollAt) - now.getTime()).toBeGreaterThanOrEqual(120_000);
  });
});
