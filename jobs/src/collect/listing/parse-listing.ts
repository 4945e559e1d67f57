import { parseHTML } from '../lazy-libs';
import type { ListingSelectors } from '../../ports';
import type { ParsedDate } from '../extract/dates';
import { absoluteUrl, datesOfBlocks, findArticles, type DateContext, type El } from './find-articles';
import { findNextPage } from './paging';

export interface ListingLink {
  url: string;
  title: string | null;
  /** The date the listing shows for the item, when it shows one. */
  published: ParsedDate | null;
}

export interface ParsedListing {
  links: ListingLink[];
  next: string | null;
  /** How the items were found: the source's selectors, or the page's own structure. */
  via: 'selectors' | 'auto';
  /** Auto: a selector of the item blocks an admin may confirm or correct on /nguon. */
  suggested: ListingSelectors | null;
  /** Auto: items of the main repeated group (featured blocks aside), and how many show a date; 0 with selectors. */
  mainGroupSize: number;
  mainGroupDated: number;
  /** Longest paragraph text outside the items (an article page has one). */
  bodyTextChars: number;
}

/** Headline links as many CMSs mark them up: kept for callers that name them; listing pages are read by findArticles. */
export const DEFAULT_LISTING_SELECTORS: ListingSelectors = {
  item: 'article a[href], h2 a[href], h3 a[href], .news-item a[href], .item-news a[href], .news-list a[href], .title a[href], a.title[href]',
  next: 'a[rel="next"], .pagination a.next, .paging a.next, a.next-page',
};

function bySelectors(document: ReturnType<typeof parseHTML>['document'], pageUrl: string, base: string, selectors: ListingSelectors, ctx: DateContext): ParsedListing {
  const links: ListingLink[] = [];
  const blocks: El[] = [];
  const seen = new Set<string>();
  let nodes: El[] = [];
  try {
    nodes = [...document.querySelectorAll(selectors.item)] as El[];
  } catch {
    nodes = [];
  }
  for (const n of nodes) {
    const a = (n.matches('a[href]') ? n : n.querySelector('a[href]')) as El | null;
    const url = absoluteUrl(a?.getAttribute('href') ?? null, base);
    if (!url || seen.has(url) || url === pageUrl) continue;
    seen.add(url);
    const title = (a?.getAttribute('title') || a?.textContent || '').replace(/\s+/g, ' ').trim().normalize('NFC');
    links.push({ url, title: title || null, published: null });
    // The item's block: the matched element, or the anchor's parent when the selector names the anchor.
    blocks.push(n === a ? ((n.parentElement as El | null) ?? n) : n);
  }
  datesOfBlocks(blocks, ctx).forEach((d, i) => (links[i]!.published = d));
  let next: string | null = null;
  if (selectors.next) {
    try {
      const el = document.querySelector(selectors.next) as El | null;
      const a = el && ((el.matches('a[href]') ? el : el.querySelector('a[href]')) as El | null);
      next = absoluteUrl(a?.getAttribute('href') ?? null, base);
      if (next === pageUrl) next = null;
    } catch {
      next = null;
    }
  }
  next ??= findNextPage(document, pageUrl, base);
  return { links, next, via: 'selectors', suggested: null, mainGroupSize: 0, mainGroupDated: 0, bodyTextChars: 0 };
}

/**
 * Listing page HTML → article links (document order, unique) with the dates the page shows, and
 * the next page. With selectors, they decide; without, the page's structure does (findArticles).
 */
export function parseListing(html: string, pageUrl: string, selectors: ListingSelectors | null = null, ctx: DateContext = {}): ParsedListing {
  const { document } = parseHTML(html);
  const base = absoluteUrl(document.querySelector('base[href]')?.getAttribute('href') ?? null, pageUrl) ?? pageUrl;
  if (selectors?.item) return bySelectors(document, pageUrl, base, selectors, ctx);
  const found = findArticles(document, pageUrl, base, ctx);
  const next = findNextPage(document, pageUrl, base);
  if (!found) return { links: [], next, via: 'auto', suggested: null, mainGroupSize: 0, mainGroupDated: 0, bodyTextChars: 0 };
  return {
    links: found.items,
    next,
    via: 'auto',
    suggested: found.itemSelector ? { item: found.itemSelector, next: null } : null,
    mainGroupSize: found.mainGroupSize,
    mainGroupDated: found.mainGroupDated,
    bodyTextChars: found.bodyTextChars,
  };
}

/**
 * Is this HTML page a list of articles rather than one article? A main group of article blocks
 * (four or more, e.g. a Liferay page of five; three when each shows a date) and no run of body text outside them that an article
 * would have. Portals mark every page og:type "article"; that alone does not make a section page
 * an article. (Related-news boxes of an article are sidebars by name or heading, never the main group.)
 */
export function looksLikeListing(html: string, pageUrl: string): boolean {
  return listingVerdict(parseListing(html, pageUrl));
}

export function listingVerdict(r: ParsedListing): boolean {
  const n = r.mainGroupSize;
  return ((n >= 4 || (n >= 3 && r.mainGroupDated === n)) && r.bodyTextChars < 800) || (n >= 8 && r.bodyTextChars < 1500);
}
