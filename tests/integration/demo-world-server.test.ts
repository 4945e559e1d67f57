// The demo world's sites, served on loopback: every source and article is reachable and parseable
// with the libraries the collector uses, and pages carry the furniture extraction must strip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Parser from 'rss-parser';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import {
  FEED_ITEMS, furnitureStrings, generateDemoWorld, startDemoWorldServer,
  type DemoPost, type DemoSource, type DemoWorldServer,
} from '@tdtt/server/demo';

const world = generateDemoWorld({ seed: 7, now: new Date('2026-11-23T03:00:00Z') });
const xml = new XMLParser();
const rss = new Parser();
const asArray = <T,>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: string; res: Response }> {
  const res = await fetch(url, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text(), res };
}

async function sitemapUrls(url: string): Promise<string[]> {
  const doc = xml.parse((await get(url)).body);
  if (doc.sitemapindex) {
    const parts = await Promise.all(asArray<{ loc: string }>(doc.sitemapindex.sitemap).map((s) => sitemapUrls(s.loc)));
    return parts.flat();
  }
  return asArray<{ loc: string }>(doc.urlset?.url).map((u) => u.loc);
}

async function listingUrls(src: DemoSource): Promise<{ urls: string[]; pages: number }> {
  const urls: string[] = [];
  let next: string | null = src.url;
  let pages = 0;
  while (next && pages < 1000) {
    const { status, body } = await get(next);
    expect(status).toBe(200);
    const { document } = parseHTML(body);
    for (const a of document.querySelectorAll(src.listing!.item)) urls.push(new URL(a.getAttribute('href')!, next).href);
    const n = src.listing!.next ? document.querySelector(src.listing!.next) : null;
    next = n ? new URL(n.getAttribute('href')!, next).href : null;
    pages++;
  }
  return { urls, pages };
}

function sample(posts: DemoPost[], n: number): DemoPost[] {
  const step = Math.max(1, Math.floor(posts.length / n));
  return posts.filter((_, i) => i % step === 0).slice(0, n);
}

describe.each(['per-host', 'prefix'] as const)('demo world server (%s)', (mode) => {
  let server: DemoWorldServer;
  beforeAll(async () => {
    server = await startDemoWorldServer(world, { mode });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('gives one source per unit on loopback, each unit on its own base URL', () => {
    expect(server.mode).toBe(mode);
    expect(server.sources.map((s) => s.unitId).sort()).toEqual(world.units.map((u) => u.id).sort());
    const bases = Object.values(server.baseUrls);
    expect(new Set(bases).size).toBe(world.units.length);
    for (const b of bases) expect(new URL(b).hostname).toMatch(/^127\.0\.0\.\d+$/);
    if (mode === 'per-host') expect(new Set(bases.map((b) => new URL(b).hostname)).size).toBe(world.units.length);
    for (const s of server.sources) if (s.kind === 'listing') expect(s.listing?.item).toBeTruthy();
  });

  it('feeds hold the latest items; the sitemap of the same site holds every post', async () => {
    for (const src of server.sources.filter((s) => s.kind === 'feed')) {
      const posts = world.truth.postsByUnit(src.unitId);
      const feed = await rss.parseURL(src.url);
      const newest = [...posts].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)).slice(0, FEED_ITEMS);
      expect(feed.items.map((i) => i.link).sort()).toEqual(newest.map((p) => server.urlOf(p)).sort());
      for (const item of feed.items) {
        const post = newest.find((p) => server.urlOf(p) === item.link)!;
        expect(item.title).toBe(post.title);
        expect(Date.parse(item.isoDate!)).toBe(Date.parse(post.publishedAt));
      }
      const all = await sitemapUrls(src.sitemapUrl!);
      expect(all.sort()).toEqual(posts.map((p) => server.urlOf(p)).sort());
    }
  });

  it('sitemap-only sites list every post, with robots.txt pointing at the sitemap', async () => {
    const srcs = server.sources.filter((s) => s.kind === 'sitemap');
    expect(srcs.length).toBeGreaterThan(0);
    for (const src of srcs) {
      const all = await sitemapUrls(src.url);
      expect(all.sort()).toEqual(world.truth.postsByUnit(src.unitId).map((p) => server.urlOf(p)).sort());
      const robots = await get(`${server.baseUrls[src.unitId]}/robots.txt`);
      expect(robots.body).toContain(`Sitemap: ${src.url}`);
      const feed = world.sites.find((s) => s.unitId === src.unitId)!;
      expect(feed.feedFormat).toBeNull();
    }
  });

  it('listing-only sites paginate through every post with the given selectors', async () => {
    const srcs = server.sources.filter((s) => s.kind === 'listing');
    expect(srcs.length).toBeGreaterThan(0);
    for (const src of srcs) {
      const { urls, pages } = await listingUrls(src);
      const posts = world.truth.postsByUnit(src.unitId);
      expect(pages).toBeGreaterThan(1);
      expect(urls.sort()).toEqual(posts.map((p) => server.urlOf(p)).sort());
      expect((await get(`${server.baseUrls[src.unitId]}/sitemap.xml`)).status).toBe(404);
    }
  });

  it('article pages carry title, date, body and the furniture, in three CMS flavours', async () => {
    const seen = new Set<string>();
    for (const unit of world.units) {
      const site = world.sites.find((s) => s.unitId === unit.id)!;
      for (const post of sample(world.truth.postsByUnit(unit.id), 4)) {
        const { status, type, body } = await get(server.urlOf(post));
        expect(status).toBe(200);
        expect(type).toContain('text/html');
        const { document } = parseHTML(body);
        const text = document.body.textContent ?? '';
        for (const f of furnitureStrings(unit)) expect(text, f).toContain(f);
        expect(text).toContain('Trang chủ');
        const paras = post.text.split('\n\n');
        expect(text).toContain(paras[0]);
        expect(text).toContain(paras[paras.length - 1]);
        expect(text).toMatch(/(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), \d\d\/\d\d\/\d{4} - \d\d:\d\d/);
        const dm = post.publishedAt.slice(8, 10) + '/' + post.publishedAt.slice(5, 7) + '/' + post.publishedAt.slice(0, 4);
        expect(text).toContain(dm);
        if (site.template === 'portal') {
          expect(document.querySelector('meta[property="article:published_time"]')?.getAttribute('content')).toBe(post.publishedAt);
          expect(document.querySelector('article')?.textContent).toContain(paras[1]);
        } else if (site.template === 'joomla') {
          const ld = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
          expect(ld.datePublished).toBe(post.publishedAt);
          expect(ld.headline).toBe(post.title);
        } else {
          expect(body).not.toContain('article:published_time');
          expect(body).not.toContain('ld+json');
          expect(document.querySelector('.noidung')?.textContent).toContain(paras[1]);
        }
        expect(document.querySelectorAll('aside.sidebar li a').length).toBeGreaterThan(2);
        seen.add(site.template);
      }
    }
    expect([...seen].sort()).toEqual(['aspnet', 'joomla', 'portal']);
  });

  it('answers conditional requests with 304 and unknown paths with 404', async () => {
    const src = server.sources.find((s) => s.kind === 'feed')!;
    const first = await get(src.url);
    const etag = first.res.headers.get('etag')!;
    const lastModified = first.res.headers.get('last-modified')!;
    expect(etag).toBeTruthy();
    expect((await get(src.url, { 'If-None-Match': etag })).status).toBe(304);
    expect((await get(src.url, { 'If-Modified-Since': lastModified })).status).toBe(304);
    expect((await get(`${server.baseUrls[src.unitId]}/khong-co-trang-nay.html`)).status).toBe(404);
  });
});

describe('demo world server: every article of the world', () => {
  it('serves all posts with status 200', async () => {
    const server = await startDemoWorldServer(world);
    try {
      const failures: string[] = [];
      const posts = world.posts;
      for (let i = 0; i < posts.length; i += 50) {
        const batch = posts.slice(i, i + 50);
        const codes = await Promise.all(batch.map(async (p) => (await fetch(server.urlOf(p), { method: 'HEAD' })).status));
        codes.forEach((c, k) => c !== 200 && failures.push(`${batch[k]!.id}: ${c}`));
      }
      expect(failures).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
