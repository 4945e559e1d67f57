import { gunzipSync } from 'node:zlib';
import type { FetchEvent, ListingSelectors, SourceKind, SourceRecord } from '../ports';
import { FetchError, decodeBody, fetchResource, type FetchOptions, type FetchResult } from '../collect/fetch';
import { parseFeed } from '../collect/feeds';
import { parseSitemap, type SitemapEntry } from '../collect/sitemaps';
import { parseListing } from '../collect/listing';
import { bytesHash, canonicalizeUrl } from '../collect/dedup';
import { detectSourceKind } from '../collect/detect';
import { ParseError } from '../collect/parse-error';
import { checkPlausible, type DateSource, type ParsedDate } from '../collect/extract';

// Reading a source's index document(s): feed, sitemap (+ index children) or
// listing pages (+ next pages). Shared by the collector and collect:url.

export interface IndexItem {
  url: string;
  guid: string | null;
  title: string | null;
  published: ParsedDate | null;
  /** Where `published` came from: the feed, the sitemap or the listing page. */
  publishedSource?: DateSource | null;
  contentHtml: string | null;
}

export interface IndexContext {
  fetch: FetchOptions;
  now: Date;
  horizonDays: number;
  maxPages: number;
  /** Canonical URLs already stored: listing pagination stops at a page with nothing new. */
  known: Set<string>;
  record: (e: FetchEvent) => Promise<void>;
}

export type IndexRead =
  | { status: 'not-modified'; kind: SourceKind; etag: string | null; lastModified: string | null }
  | { status: 'unchanged'; kind: SourceKind; etag: string | null; lastModified: string | null; contentHash: string }
  | {
      status: 'ok'; kind: SourceKind; etag: string | null; lastModified: string | null; contentHash: string; items: IndexItem[]; issues: CollectIssue[]; page: FetchResult;
      /** Listing sources: how the first page was read, and the item selector suggested for it. */
      listing?: { via: 'selectors' | 'auto'; suggested: ListingSelectors | null; pages: number };
    };

export interface CollectIssue {
  url: string;
  kind: string;
  message: string;
}

/** fetchResource + a FetchEvent for the log, success or not. */
export async function trackedFetch(sourceId: number, url: string, opts: FetchOptions, record: IndexContext['record']): Promise<FetchResult | FetchError> {
  const t0 = Date.now();
  const r = await fetchResource(url, opts);
  const at = new Date().toISOString();
  const ev: FetchEvent =
    r instanceof FetchError
      ? { sourceId, url, at, status: r.status, errorKind: r.kind, message: r.message, durationMs: Date.now() - t0, bytes: 0 }
      : { sourceId, url, at, status: r.status, errorKind: null, message: r.notModified ? 'Không thay đổi (304)' : null, durationMs: Date.now() - t0, bytes: r.bytes.length };
  await record(ev);
  return r;
}

/** Text of a fetched document; gzipped sitemaps (.xml.gz without Content-Encoding) are inflated. */
export function documentText(r: FetchResult): string {
  if (r.bytes[0] === 0x1f && r.bytes[1] === 0x8b) {
    try {
      return decodeBody(gunzipSync(r.bytes, { maxOutputLength: 50 * 1024 * 1024 }), r.contentType).text;
    } catch {
      return r.text;
    }
  }
  return r.text;
}

/** Undated, implausible (flagged later, not trusted) or recent enough. */
function withinHorizon(d: ParsedDate | null, ctx: IndexContext): boolean {
  return !d || checkPlausible(d.date, { now: ctx.now }) !== 'ok' || d.date.getTime() >= ctx.now.getTime() - ctx.horizonDays * 86_400_000;
}

async function readSitemap(sourceId: number, text: string, url: string, ctx: IndexContext, issues: CollectIssue[]): Promise<IndexItem[]> {
  const first = parseSitemap(text, url);
  if (first.type === 'urlset') return urlsetItems(first.entries, ctx);
  const children = first.sitemaps
    .filter((s) => withinHorizon(s.lastmod, ctx))
    .sort((a, b) => (b.lastmod?.date.getTime() ?? 0) - (a.lastmod?.date.getTime() ?? 0))
    .slice(0, ctx.maxPages);
  const items: IndexItem[] = [];
  for (const child of children) {
    const r = await trackedFetch(sourceId, child.url, { ...ctx.fetch, etag: null, lastModified: null }, ctx.record);
    if (r instanceof FetchError) {
      issues.push({ url: child.url, kind: r.kind, message: r.message });
      continue;
    }
    try {
      const sm = parseSitemap(documentText(r), r.url);
      if (sm.type === 'urlset') items.push(...urlsetItems(sm.entries, ctx)); // nested indexes are not followed
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      issues.push({ url: child.url, kind: e.kind, message: e.message });
    }
  }
  return items;
}

function urlsetItems(entries: SitemapEntry[], ctx: IndexContext): IndexItem[] {
  return entries
    .filter((e) => withinHorizon(e.published ?? e.lastmod, ctx))
    .map((e) => ({ url: e.url, guid: null, title: e.title, published: e.published, publishedSource: 'sitemap' as const, contentHtml: null }));
}

/** A feed and, for backfill, its archive pages while they bring new, recent items. */
async function readFeed(sourceId: number, text: string, url: string, ctx: IndexContext, issues: CollectIssue[]): Promise<IndexItem[]> {
  const items: IndexItem[] = [];
  const seenPages = new Set<string>([url]);
  for (let page = 1; ; page++) {
    let feed: Awaited<ReturnType<typeof parseFeed>>;
    try {
      feed = await parseFeed(text, url);
    } catch (e) {
      if (page === 1 || !(e instanceof ParseError)) throw e; // a broken archive page only ends the backfill
      issues.push({ url, kind: e.kind, message: e.message });
      break;
    }
    const recent = feed.items.filter((i) => withinHorizon(i.published, ctx));
    items.push(...recent.map((i) => ({ url: i.url!, guid: i.guid, title: i.title || null, published: i.published, publishedSource: 'feed' as const, contentHtml: i.contentHtml })));
    if (feed.dropped.noLink) issues.push({ url, kind: 'item-without-link', message: `${feed.dropped.noLink} mục không có liên kết bài viết, đã bỏ qua` });
    if (feed.dropped.duplicate) issues.push({ url, kind: 'duplicate-item', message: `${feed.dropped.duplicate} mục trùng GUID/liên kết, đã gộp` });
    const fresh = recent.some((i) => !ctx.known.has(canonicalizeUrl(i.url!) ?? i.url!));
    if (!feed.next || !fresh || recent.length < feed.items.length || page >= ctx.maxPages || seenPages.has(feed.next)) break;
    seenPages.add(feed.next);
    const r = await trackedFetch(sourceId, feed.next, { ...ctx.fetch, etag: null, lastModified: null }, ctx.record);
    if (r instanceof FetchError) {
      issues.push({ url: feed.next, kind: r.kind, message: r.message });
      break;
    }
    url = r.url;
    text = documentText(r);
  }
  return items;
}

/**
 * A listing page and, for backfill, its next pages while they bring new items within the horizon.
 * The source's selectors when it has them; otherwise the page's own structure (findArticles).
 */
async function readListing(
  source: Pick<SourceRecord, 'id' | 'listing' | 'overrides'>, first: FetchResult, ctx: IndexContext, issues: CollectIssue[],
): Promise<{ items: IndexItem[]; info: NonNullable<Extract<IndexRead, { status: 'ok' }>['listing']> }> {
  const items: IndexItem[] = [];
  let info: { via: 'selectors' | 'auto'; suggested: ListingSelectors | null; pages: number } | null = null;
  const seenPages = new Set<string>();
  const dateCtx = { order: source.overrides?.dateOrder ?? null, now: ctx.now };
  let page: FetchResult = first;
  for (let n = 1; ; n++) {
    seenPages.add(page.url);
    const parsed = parseListing(page.text, page.url, source.listing ?? null, dateCtx);
    info ??= { via: parsed.via, suggested: parsed.suggested, pages: 0 };
    info.pages = n;
    const recent = parsed.links.filter((l) => withinHorizon(l.published, ctx));
    const unseen = recent.filter((l) => !items.some((i) => i.url === l.url));
    const fresh = unseen.filter((l) => !ctx.known.has(canonicalizeUrl(l.url) ?? l.url));
    items.push(...unseen.map((l) => ({ url: l.url, guid: null, title: l.title, published: l.published, publishedSource: l.published ? ('listing' as const) : null, contentHtml: null })));
    // Older pages only while this one brought something new and not everything was past the horizon.
    if (!parsed.next || fresh.length === 0 || recent.length === 0 || n >= ctx.maxPages || seenPages.has(parsed.next)) break;
    const r = await trackedFetch(source.id, parsed.next, { ...ctx.fetch, etag: null, lastModified: null }, ctx.record);
    if (r instanceof FetchError) {
      issues.push({ url: parsed.next, kind: r.kind, message: r.message });
      break;
    }
    page = r;
  }
  return { items, info: info! };
}

/**
 * Fetch and parse a source's index. Throws FetchError/ParseError when the
 * index itself cannot be read (the source failed); child pages that fail are issues.
 */
export async function readIndex(
  source: Pick<SourceRecord, 'id' | 'kind' | 'url' | 'listing' | 'overrides' | 'etag' | 'lastModified' | 'lastContentHash'>,
  ctx: IndexContext,
  detect = false,
): Promise<IndexRead> {
  const r = await trackedFetch(source.id, source.url, { ...ctx.fetch, etag: source.etag, lastModified: source.lastModified }, ctx.record);
  if (r instanceof FetchError) throw r;
  let kind = source.kind;
  if (r.notModified) return { status: 'not-modified', kind, etag: r.etag, lastModified: r.lastModified };
  const contentHash = bytesHash(r.bytes);
  if (source.lastContentHash && contentHash === source.lastContentHash) {
    return { status: 'unchanged', kind, etag: r.etag, lastModified: r.lastModified, contentHash };
  }
  const text = documentText(r);
  const sniffed = detectSourceKind(text, r.contentType, r.url);
  if (detect) {
    if (sniffed === 'unknown') throw new ParseError('unknown-format', 'Không nhận ra định dạng (không phải RSS/Atom, sitemap hay trang HTML)');
    kind = sniffed;
  } else if ((kind === 'feed' || kind === 'sitemap') && (sniffed === 'feed' || sniffed === 'sitemap')) {
    kind = sniffed; // a sitemap registered as a feed (or the reverse) is read for what it is
  }
  const issues: CollectIssue[] = [];
  let items: IndexItem[];
  let listing: Extract<IndexRead, { status: 'ok' }>['listing'];
  if (kind === 'feed') {
    items = await readFeed(source.id, text, r.url, ctx, issues);
  } else if (kind === 'sitemap') {
    items = await readSitemap(source.id, text, r.url, ctx, issues);
  } else if (kind === 'listing') {
    ({ items, info: listing } = await readListing(source, { ...r, text }, ctx, issues));
  } else {
    items = [{ url: r.url, guid: null, title: null, published: null, contentHtml: null }];
  }
  return { status: 'ok', kind, etag: r.etag, lastModified: r.lastModified, contentHash, items, issues, page: r, ...(listing ? { listing } : {}) };
}
