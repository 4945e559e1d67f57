import { parseHTML } from '../lazy-libs';

export interface DiscoveredSource {
  url: string;
  kind: 'feed' | 'sitemap';
  /** Where the candidate came from: declared in the page, or a common path to try. */
  via: 'link-alternate' | 'anchor' | 'common-path' | 'robots';
  title: string | null;
}

const FEED_TYPES = /^application\/(rss|atom|rdf)\+xml|^application\/(x-)?rss|^text\/xml|^application\/xml/i;
const COMMON_FEED_PATHS = ['/rss', '/rss.xml', '/feed', '/feed.xml', '/atom.xml', '/index.rss', '/rss/home.rss', '/?feed=rss2'];
const COMMON_SITEMAP_PATHS = ['/sitemap.xml', '/sitemap_index.xml', '/sitemap-index.xml', '/news-sitemap.xml'];

function abs(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Candidate feeds and sitemaps for a site's home page: declared ones first
 * (<link rel=alternate>, feed-looking anchors), then common paths to probe.
 */
export function discoverFeeds(html: string, baseUrl: string): DiscoveredSource[] {
  const { document } = parseHTML(html);
  const base = abs(document.querySelector('base[href]')?.getAttribute('href'), baseUrl) ?? baseUrl;
  const out: DiscoveredSource[] = [];
  const seen = new Set<string>();
  const add = (url: string | null, kind: DiscoveredSource['kind'], via: DiscoveredSource['via'], title: string | null) => {
    if (!url || seen.has(url)) return;
    seen.add(url);
    out.push({ url, kind, via, title: title?.trim().normalize('NFC') || null });
  };
  for (const l of document.querySelectorAll('link[rel]')) {
    const rel = (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = l.getAttribute('type') ?? '';
    if (rel.includes('alternate') && FEED_TYPES.test(type)) add(abs(l.getAttribute('href'), base), 'feed', 'link-alternate', l.getAttribute('title'));
    if (rel.includes('sitemap')) add(abs(l.getAttribute('href'), base), 'sitemap', 'link-alternate', l.getAttribute('title'));
  }
  for (const a of document.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    if (/(^|[/.])(rss|atom|feed)([/.?]|$)|\.rss$/i.test(href)) add(abs(href, base), 'feed', 'anchor', a.textContent);
    else if (/sitemap[^/]*\.xml/i.test(href)) add(abs(href, base), 'sitemap', 'anchor', a.textContent);
  }
  const origin = new URL(base).origin;
  for (const p of COMMON_FEED_PATHS) add(origin + p, 'feed', 'common-path', null);
  for (const p of COMMON_SITEMAP_PATHS) add(origin + p, 'sitemap', 'common-path', null);
  return out;
}

/** Sitemap URLs declared in robots.txt ("Sitemap: …" lines). */
export function sitemapsFromRobots(robotsTxt: string, baseUrl: string): string[] {
  const out: string[] = [];
  for (const m of robotsTxt.matchAll(/^\s*sitemap\s*:\s*(\S+)/gim)) {
    const u = abs(m[1], baseUrl);
    if (u && !out.includes(u)) out.push(u);
  }
  return out;
}
