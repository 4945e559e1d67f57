import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectStore, CollectedPost, FetchEvent, SourceRecord, SourceStateUpdate } from '../ports';
import { canonicalizeUrl } from '../collect/dedup';
import { collectSource, type CollectDeps } from './collect-source';

// A small site on 127.0.0.1 and an array-backed test double of the store port.

const para = (k: string) =>
  `<p>${k}: Ban Thường vụ Huyện ủy tổ chức hội nghị học tập, quán triệt và triển khai thực hiện Nghị quyết của Đảng cho cán bộ chủ chốt toàn huyện trong tuần này.</p>`.repeat(3);
const page = (k: string) =>
  `<!doctype html><html><head><title>${k}</title><meta property="article:published_time" content="2025-02-0${k.length % 9}T08:00:00+07:00"></head><body><nav><a href="/">Trang chủ</a></nav><div class="content"><h1>Bài ${k}</h1>${para(k)}</div><footer>Chân trang</footer></body></html>`;
const feed = (origin: string, paths: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>${origin}/</link>${paths
    .map((p, i) => `<item><title>Tin ${i}</title><link>${origin}${p}</link><pubDate>Mon, 0${i + 1} Feb 2025 08:00:00 +0700</pubDate></item>`)
    .join('')}</channel></rss>`;

let origin = '';
let server: http.Server;
const ETAG = '"v1"';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', origin);
    const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    if (u.pathname === '/feed.xml') {
      if (req.headers['if-none-match'] === ETAG) return res.writeHead(304).end();
      return res.writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG }).end(feed(origin, ['/a/1', '/a/2']));
    }
    if (u.pathname === '/no-etag.xml') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(origin, ['/a/1']));
    if (u.pathname === '/mixed.xml') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(origin, ['/a/3', '/gone', '/a/4', '/a/3?utm_source=x']));
    if (u.pathname === '/list') {
      const n = Number(u.searchParams.get('p') ?? 1);
      return html(`<html><body><ul class="news">${[1, 2].map((k) => `<li><a href="/a/L${n}${k}">Tin ${n}${k}</a></li>`).join('')}</ul>${n < 3 ? `<a class="next" href="/list?p=${n + 1}">Sau</a>` : ''}</body></html>`);
    }
    if (u.pathname === '/twins.xml') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(origin, ['/same/1', '/same/2', '/video/1', '/video/2']));
    if (u.pathname.startsWith('/same/')) return html(page('cùng nội dung'));
    if (u.pathname.startsWith('/video/')) return html(`<html><head><title>Video ${u.pathname}</title></head><body><iframe src="https://www.youtube.com/embed/x"></iframe></body></html>`);
    if (u.pathname.startsWith('/a/')) return html(page(u.pathname.slice(3)));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));

class ArrayStore implements CollectStore {
  posts: CollectedPost[] = [];
  fetches: FetchEvent[] = [];
  states: SourceStateUpdate[] = [];
  async knownUrls(unitId: string) {
    return new Set(this.posts.filter((p) => p.unitId === unitId).map((p) => p.canonicalUrl));
  }
  async savePosts(posts: CollectedPost[]) {
    this.posts.push(...posts);
    return { inserted: posts.length, updated: 0 };
  }
  async recordFetch(e: FetchEvent) {
    this.fetches.push(e);
  }
  async updateSourceState(u: SourceStateUpdate) {
    this.states.push(u);
  }
  reload(s: SourceRecord): SourceRecord {
    const u = this.states.at(-1)!;
    return { ...s, etag: u.etag ?? null, lastModified: u.lastModified ?? null, lastContentHash: u.lastContentHash ?? null, failureScore: u.failureScore };
  }
}

const src = (url: string, extra: Partial<SourceRecord> = {}): SourceRecord => ({
  id: 1, unitId: 'u1', kind: 'feed', url, listing: null, etag: null, lastModified: null, lastContentHash: null, ...extra,
});
const now = () => new Date('2025-03-01T00:00:00+07:00');
const deps = (store: CollectStore, extra: Partial<CollectDeps> = {}): CollectDeps => ({
  store, now, random: () => 0.5, fetch: { allowPrivate: ['loopback'], retries: 0, timeoutMs: 2000 }, ...extra,
});

describe('collectSource', () => {
  it('stores every new article of a feed, then costs nothing on 304', async () => {
    const store = new ArrayStore();
    const s1 = await collectSource(src(origin + '/feed.xml'), deps(store));
    expect(s1).toMatchObject({ ok: true, status: 'ok', items: 2, newPosts: 2, fetched: 3 });
    expect(store.posts.map((p) => p.title).sort()).toEqual(['Tin 0', 'Tin 1']);
    const p = store.posts.find((x) => x.title === 'Tin 0')!;
    expect(p.publishedAt).toBe('2025-02-01T08:00:00+07:00');
    expect(p.text).toContain('1: Ban Thường vụ');
    expect(p.text).not.toContain('Chân trang');
    expect(p.canonicalUrl).toBe(canonicalizeUrl(origin + '/a/1'));
    expect(store.fetches.every((f) => f.errorKind === null)).toBe(true);
    expect(store.states.at(-1)).toMatchObject({ ok: true, etag: ETAG, failureScore: 0 });

    const s2 = await collectSource(store.reload(src(origin + '/feed.xml')), deps(store));
    expect(s2).toMatchObject({ ok: true, status: 'not-modified', newPosts: 0, fetched: 1 });
    expect(store.fetches.at(-1)!.status).toBe(304);
  });

  it('skips parsing when the content hash is unchanged', async () => {
    const store = new ArrayStore();
    await collectSource(src(origin + '/no-etag.xml'), deps(store));
    const again = await collectSource(store.reload(src(origin + '/no-etag.xml')), deps(store));
    expect(again).toMatchObject({ status: 'unchanged', fetched: 1, newPosts: 0 });
  });

  it('a bad article does not stop the rest; known and duplicate URLs are not fetched', async () => {
    const store = new ArrayStore();
    store.posts.push({ canonicalUrl: canonicalizeUrl(origin + '/a/4'), unitId: 'u1' } as CollectedPost);
    const s = await collectSource(src(origin + '/mixed.xml'), deps(store));
    expect(s.ok).toBe(true);
    expect(s.newPosts).toBe(1);
    expect(s.skippedKnown).toBe(1);
    expect(s.errors.map((e) => e.kind)).toEqual(['duplicate-item', 'http-status']);
    expect(s.errors).toContainEqual(expect.objectContaining({ url: origin + '/gone', kind: 'http-status' }));
    expect(store.fetches.filter((f) => f.url.includes('/a/3'))).toHaveLength(1);
    // A 404 will not heal by retrying: the validators advance, the index is not re-read for it.
    expect(store.states.at(-1)!.lastContentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('one text under two URLs is one post; text-less pages (videos) are never merged', async () => {
    const store = new ArrayStore();
    const s = await collectSource(src(origin + '/twins.xml'), deps(store));
    expect(s).toMatchObject({ ok: true, items: 4, newPosts: 3, skippedKnown: 1 });
    expect(store.posts.filter((p) => p.url.includes('/video/')).map((p) => p.flags)).toEqual([['no-text'], ['no-text']]);
  });

  it('follows listing pages through the next link', async () => {
    const store = new ArrayStore();
    const s = await collectSource(src(origin + '/list', { kind: 'listing', listing: { item: '.news a', next: 'a.next' } }), deps(store));
    expect(s).toMatchObject({ ok: true, items: 6, newPosts: 6 });
  });

  it('records failures with weighted, growing scores and a bounded next poll', async () => {
    const store = new ArrayStore();
    const s = await collectSource(src(origin + '/missing.xml', { failureScore: 2 }), deps(store));
    expect(s).toMatchObject({ ok: false, status: 'failed', failureScore: 5 });
    const st = store.states.at(-1)!;
    expect(st).toMatchObject({ ok: false, errorKind: 'http-status', failureScore: 5 });
    expect(st.error).toMatch(/HTTP 404/);
    const waitMs = Date.parse(st.nextPollAt) - now().getTime();
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(24 * 3600_000 * 1.1);
    const fromTimeout = await collectSource(src('http://127.0.0.1:1/feed.xml', { id: 2, failureScore: 2 }), deps(store));
    expect(fromTimeout.failureScore).toBeLessThan(s.failureScore);
  });

  it('drops posts older than the horizon', async () => {
    const store = new ArrayStore();
    const s = await collectSource(src(origin + '/feed.xml'), deps(store, { now: () => new Date('2027-01-01T00:00:00Z'), horizonDays: 30 }));
    expect(s).toMatchObject({ ok: true, items: 0, newPosts: 0 });
  });
});
