import { checkPlausible, parseDate, parseVietnameseDate, type ParsedDate, type PlausibilityOptions } from './dates';

// Published time, from the most to the least trustworthy source. An
// implausible date (future, older than the site) is flagged and skipped.

export type DateSource = 'feed' | 'meta' | 'json-ld' | 'time' | 'text';
export type DateFlag = 'future-date' | 'too-old-date' | 'date-from-text' | 'no-date';

export interface PublishedResult {
  published: ParsedDate | null;
  source: DateSource | null;
  flags: DateFlag[];
}

type Doc = { querySelectorAll(s: string): Iterable<{ getAttribute(n: string): string | null; textContent: string | null }> };

const META_NAMES = [
  'article:published_time', 'og:article:published_time', 'datePublished', 'pubdate', 'publishdate',
  'dc.date.issued', 'dc.date', 'dcterms.created', 'date', 'publish-date',
];

function jsonLdDates(doc: Doc): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o['datePublished'] === 'string') out.push(o['datePublished']);
    if (o['@graph']) visit(o['@graph']);
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      /* broken JSON-LD is common; other sources remain */
    }
  }
  return out;
}

const DATE_CLASSES = [
  'date', 'time', 'ngay', 'ngaydang', 'ngay-dang', 'post-date', 'publish', 'published', 'thoigian', 'datetime', 'news-date',
].map((c) => `[class~="${c}"], [class*="${c}-"], [class*="-${c}"], [class*="${c}_"]`).join(', ');

/** Candidate dates from the document, in order of trust. */
export function dateCandidates(doc: Doc, text: string): Array<{ source: DateSource; date: ParsedDate }> {
  const out: Array<{ source: DateSource; date: ParsedDate }> = [];
  const push = (source: DateSource, d: ParsedDate | null) => d && out.push({ source, date: d });
  for (const m of doc.querySelectorAll('meta[property], meta[name], meta[itemprop]')) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase();
    if (META_NAMES.some((n) => n.toLowerCase() === key)) push('meta', parseDate(m.getAttribute('content')));
  }
  jsonLdDates(doc).forEach((s) => push('json-ld', parseDate(s)));
  for (const t of doc.querySelectorAll('time[datetime], [itemprop="datePublished"]')) {
    push('time', parseDate(t.getAttribute('datetime') ?? t.getAttribute('content') ?? t.textContent));
    push('time', parseVietnameseDate(t.textContent ?? ''));
  }
  // Date lines marked as such come before free text: portals often print
  // today's date in the header, which a whole-page search would find first.
  for (const el of doc.querySelectorAll(DATE_CLASSES)) push('text', parseVietnameseDate(el.textContent ?? ''));
  push('text', parseVietnameseDate(text.slice(0, 4000)));
  return out;
}

/** Choose the published time: feed date first, then the page's own. */
export function choosePublished(
  feedDate: ParsedDate | null,
  candidates: Array<{ source: DateSource; date: ParsedDate }>,
  opts: PlausibilityOptions,
): PublishedResult {
  const flags = new Set<DateFlag>();
  const all = feedDate ? [{ source: 'feed' as const, date: feedDate }, ...candidates] : candidates;
  for (const c of all) {
    const verdict = checkPlausible(c.date.date, opts);
    if (verdict === 'future') flags.add('future-date');
    else if (verdict === 'too-old') flags.add('too-old-date');
    else {
      if (c.source === 'text') flags.add('date-from-text');
      return { published: c.date, source: c.source, flags: [...flags] };
    }
  }
  flags.add('no-date');
  return { published: null, source: null, flags: [...flags] };
}
