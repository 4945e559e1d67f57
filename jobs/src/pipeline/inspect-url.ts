import type { ListingSelectors, SourceKind, SourceOverrides } from '../ports';
import { FetchError, type FetchOptions } from '../collect/fetch';
import { checkPlausible, extractArticle, type ExtractInput, type ExtractedArticle, type ParsedDate } from '../collect/extract';
import { ParseError } from '../collect/parse-error';
import { readIndex } from './collect-index';
import { sourceFetchOptions } from './collect-source';

// collect:url — one URL, fetched once, kind detected, nothing stored. Same
// index reader and extractor as the collector.

export interface InspectItem {
  url: string;
  title: string | null;
  published: string | null;
  text?: string;
  flags: string[];
}

export interface InspectResult {
  kind: SourceKind;
  items: InspectItem[];
  /** Listing pages: read by the given selectors or by the page's structure, the selector suggested, pages read. */
  listing?: { via: 'selectors' | 'auto'; suggested: ListingSelectors | null; pages: number };
  canonicalUrl?: string;
  issues: Array<{ url: string; kind: string; message: string }>;
}

function dateFlags(d: ParsedDate | null, now: Date): string[] {
  if (!d) return ['no-date'];
  const v = checkPlausible(d.date, { now });
  return v === 'future' ? ['future-date'] : v === 'too-old' ? ['too-old-date'] : [];
}

export interface InspectOptions {
  fetch: FetchOptions;
  now: Date;
  maxPages?: number;
  horizonDays?: number;
  /** A source's kind; without it the kind is detected from the document. */
  kind?: SourceKind | null;
  /** A source's (or a draft's) listing selectors and overrides, as the collector would apply them. */
  listing?: ListingSelectors | null;
  overrides?: SourceOverrides | null;
  /** Article extraction; the server passes its worker pool (a pathological page must not hold the API). */
  extract?: (input: ExtractInput) => ExtractedArticle | Promise<ExtractedArticle>;
}

/** Throws FetchError / ParseError when the URL cannot be read at all. */
export async function inspectUrl(url: string, opts: InspectOptions): Promise<InspectResult> {
  const source = { id: 0, kind: opts.kind ?? ('page' as const), url, listing: opts.listing ?? null, overrides: opts.overrides ?? null, etag: null, lastModified: null, lastContentHash: null };
  const read = await readIndex(
    source,
    { fetch: sourceFetchOptions(source, opts.fetch), now: opts.now, horizonDays: opts.horizonDays ?? 100 * 365, maxPages: opts.maxPages ?? 1, known: new Set(), record: async () => {} },
    !opts.kind,
  );
  if (read.status !== 'ok') throw new ParseError('unknown-format', 'Không đọc được nội dung');
  if (read.kind === 'page') {
    let a: ExtractedArticle;
    try {
      a = await (opts.extract ?? extractArticle)({ html: read.page.text, url: read.page.url, now: opts.now, contentSelector: opts.overrides?.contentSelector ?? null });
    } catch (e) {
      throw new ParseError('extract-failed', `Không trích xuất được bài viết: ${(e as Error).message}`);
    }
    return {
      kind: 'page',
      canonicalUrl: a.canonicalUrl,
      items: [{ url: a.canonicalUrl, title: a.title || null, published: a.published?.iso ?? null, text: a.text, flags: a.flags }],
      issues: read.issues,
    };
  }
  return {
    kind: read.kind,
    items: read.items.map((i) => ({ url: i.url, title: i.title, published: i.published?.iso ?? null, flags: dateFlags(i.published, opts.now) })),
    ...(read.listing ? { listing: read.listing } : {}),
    issues: read.issues,
  };
}

export { FetchError, ParseError };
