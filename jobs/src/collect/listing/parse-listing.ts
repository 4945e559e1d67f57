import { parseHTML } from '../lazy-libs';
import type { ListingSelectors } from '../../ports';

export interface ListingLink {
  url: string;
  title: string | null;
}

export interface ParsedListing {
  links: ListingLink[];
  next: string | null;
}

/** When a source has no selectors: headline links as most news CMSs mark them up. */
export const DEFAULT_LISTING_SELECTORS: ListingSelectors = {
  item: 'article a[href], h2 a[href], h3 a[href], .news-item a[href], .item-news a[href], .news-list a[href], .title a[href], a.title[href]',
  next: 'a[rel="next"], .pagination a.next, .paging a.next, a.next-page',
};

function abs(href: string | null, base: string): string | null {
  if (!href || href.startsWith('#') || /^(javascript|mailto|tel):/i.test(href)) return null;
  try {
    const u = new URL(href, base);
    u.hash = '';
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Listing page HTML + selectors → article links (document order, unique) and the next page. */
export function parseListing(html: string, pageUrl: string, selectors: ListingSelectors = DEFAULT_LISTING_SELECTORS): ParsedListing {
  const { document } = parseHTML(html);
  const base = abs(document.querySelector('base[href]')?.getAttribute('href') ?? null, pageUrl) ?? pageUrl;
  const links: ListingLink[] = [];
  const seen = new Set<string>();
  let nodes: Array<NonNullable<ReturnType<typeof document.querySelector>>> = [];
  try {
    nodes = [...document.querySelectorAll(selectors.item)];
  } catch {
    nodes = [];
  }
  for (const n of nodes) {
    const a = n.matches('a[href]') ? n : n.querySelector('a[href]');
    const url = abs(a?.getAttribute('href') ?? null, base);
    if (!url || seen.has(url) || url === pageUrl) continue;
    seen.add(url);
    const title = (a?.getAttribute('title') || a?.textContent || '').replace(/\s+/g, ' ').trim().normalize('NFC');
    links.push({ url, title: title || null });
  }
  let next: string | null = null;
  if (selectors.next) {
    try {
      const el = document.querySelector(selectors.next);
      const a = el && (el.matches('a[href]') ? el : el.querySelector('a[href]'));
      next = abs(a?.getAttribute('href') ?? null, base);
      if (next === pageUrl) next = null;
    } catch {
      next = null;
    }
  }
  return { links, next };
}
