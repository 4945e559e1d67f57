import { absoluteUrl, type El } from './find-articles';
import type { parseHTML } from '../lazy-libs';

// The next (older) page of a section: rel="next", a "Trang sau"/"»" link, the pager link numbered
// one more than the current page ("Trang 2", ?page=2), or the same page-number parameter plus one
// (Liferay's `_cur=2`, `cur=`, `page=`, `p=`, `trang=`). Only links on the same site.

type Doc = ReturnType<typeof parseHTML>['document'];

const NEXT_TEXT = /^(trang\s+sau|trang\s+tiếp(\s+theo)?|tiếp(\s+theo)?|sau|xem\s+tiếp|next|older|›|»|>|>>|›+|»+)$/i;
const PAGE_PARAM = /(^|_)(cur|page|pageindex|pagenumber|pageno|p|trang|pg)$/i;

function pageParam(u: URL): { name: string; value: number } | null {
  for (const [name, v] of u.searchParams) if (PAGE_PARAM.test(name) && /^\d{1,5}$/.test(v)) return { name, value: Number(v) };
  return null;
}

function pathPage(u: URL): number | null {
  const m = /\/(?:trang|page|p)[-/](\d{1,5})(?:\/|\.html?)?$/i.exec(u.pathname);
  return m ? Number(m[1]) : null;
}

/** Current page number of a URL (1 when it names none). */
export function pageNumber(url: string): number {
  const u = new URL(url);
  return pageParam(u)?.value ?? pathPage(u) ?? 1;
}

export function findNextPage(doc: Doc, pageUrl: string, base: string): string | null {
  const here = new URL(pageUrl);
  const sameSite = (u: string) => new URL(u).hostname === here.hostname;
  const ok = (u: string | null): u is string => !!u && u !== pageUrl && sameSite(u);
  const rel = doc.querySelector('link[rel~="next"][href], a[rel~="next"][href]') as El | null;
  const relUrl = absoluteUrl(rel?.getAttribute('href'), base);
  if (ok(relUrl)) return relUrl;
  const anchors = [...(doc.querySelectorAll('a[href]') as Iterable<El>)];
  const text = (a: El) => (a.textContent ?? '').replace(/\s+/g, ' ').trim() || (a.getAttribute('title') ?? '').trim() || (a.getAttribute('aria-label') ?? '').trim();
  const current = pageNumber(pageUrl);
  // A numbered pager link one more than this page ("2", "Trang 2").
  for (const a of anchors) {
    const m = /^(?:trang\s*)?(\d{1,5})$/i.exec(text(a));
    if (m && Number(m[1]) === current + 1) {
      const u = absoluteUrl(a.getAttribute('href'), base);
      if (ok(u)) return u;
    }
  }
  for (const a of anchors) {
    if (NEXT_TEXT.test(text(a)) || /(^|\s)(next|next-page|pager-next)(\s|$)/i.test(a.getAttribute('class') ?? '')) {
      const u = absoluteUrl(a.getAttribute('href'), base);
      if (ok(u) && pageNumber(u) > current) return u;
    }
  }
  // A link that differs from this page only by its page parameter, one more.
  for (const a of anchors) {
    const u = absoluteUrl(a.getAttribute('href'), base);
    if (!ok(u)) continue;
    const p = pageParam(new URL(u));
    if (p && p.value === current + 1) return u;
  }
  return null;
}
