import { vietnamDay } from '@tdtt/shared/score';
import { checkPlausible, dateFromUrl, parseDate, parseVietnameseDate, type ParsedDate, type PlausibilityOptions } from './dates';

// Published time, from the most to the least trustworthy source. An
// implausible date (future, older than the site) is flagged and skipped.

/** Where a post's published time came from; stored with the post (posts.published_source). */
export type DateSource = 'feed' | 'sitemap' | 'listing' | 'meta' | 'json-ld' | 'time' | 'text' | 'url';
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

/** Candidate dates from the document, in order of trust. `url`: the page's address, which may carry a day. */
export function dateCandidates(doc: Doc, text: string, url?: string): Array<{ source: DateSource; date: ParsedDate }> {
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
  // A day in the address (/2025/02/03/) beats the first date anywhere in the page's text.
  if (url) push('url', dateFromUrl(url));
  push('text', parseVietnameseDate(text.slice(0, 4000)));
  return out;
}

/**
 * Choose the published time: the index's date (feed, sitemap, listing) first, then the page's own.
 * A day-only date (no time, or a "12:00 AM" placeholder) gives way to a later candidate with a
 * time on the same Vietnamese day.
 */
export function choosePublished(
  indexDate: ParsedDate | null,
  candidates: Array<{ source: DateSource; date: ParsedDate }>,
  opts: PlausibilityOptions,
  indexSource: DateSource = 'feed',
): PublishedResult {
  const flags = new Set<DateFlag>();
  const all = indexDate ? [{ source: indexSource, date: indexDate }, ...candidates] : candidates;
  for (const c of all) {
    const verdict = checkPlausible(c.date.date, opts);
    if (verdict === 'future') flags.add('future-date');
    else if (verdict === 'too-old') flags.add('too-old-date');
    else {
      let chosen = c;
      if (c.date.dateOnly) {
        const day = vietnamDay(c.date.date);
        const timed = all.find((o) => !o.date.dateOnly && vietnamDay(o.date.date) === day && checkPlausible(o.date.date, opts) === 'ok');
        if (timed) chosen = timed;
      }
      if (chosen.source === 'text') flags.add('date-from-text');
      return { published: chosen.date, source: chosen.source, flags: [...flags] };
    }
  }
  flags.add('no-date');
  return { published: null, source: null, flags: [...flags] };
}
