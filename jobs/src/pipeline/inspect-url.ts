import type { SourceKind } from '../ports';
import { FetchError, type FetchOptions } from '../collect/fetch';
import { checkPlausible, extractArticle, type ParsedDate } from '../collect/extract';
import { ParseError } from '../collect/parse-error';
import { readIndex } from './collect-index';

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
  canonicalUrl?: string;
  issues: Array<{ url: string; kind: string; message: string }>;
}

function dateFlags(d: ParsedDate | null, now: Date): string[] {
  if (!d) return ['no-date'];
  const v = checkPlausible(d.date, { now });
  return v === 'future' ? ['future-date'] : v === 'too-old' ? ['too-old-date'] : [];
}

/** Throws FetchError / ParseError when the URL cannot be read at all. */
export async function inspectUrl(url: string, opts: { fetch: FetchOptions; now: Date; maxPages?: number; horizonDays?: number }): Promise<InspectResult> {
  const read = await readIndex(
    { id: 0, kind: 'page', url, listing: null, etag: null, lastModified: null, lastContentHash: null },
    { fetch: opts.fetch, now: opts.now, horizonDays: opts.horizonDays ?? 100 * 365, maxPages: opts.maxPages ?? 1, known: new Set(), record: async () => {} },
    true,
  );
  if (read.status !== 'ok') throw new ParseError('unknown-format', 'Không đọc được nội dung');
  if (read.kind === 'page') {
    const a = extractArticle({ html: read.page.text, url: read.page.url, now: opts.now });
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
    issues: read.issues,
  };
}

export { FetchError, ParseError };
