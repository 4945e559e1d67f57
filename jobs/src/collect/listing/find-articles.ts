import { inferDayOrder, parseDate, parseVietnameseDate, type DayOrder, type ParsedDate } from '../extract/dates';
import { parseHTML } from '../lazy-libs';

// A section page read without a hand-written selector (docs/collect-listing.md):
// 1. article links: same-site anchors with a title-like text, outside nav/header/footer;
// 2. each link's block: the largest ancestor that links to that article only;
// 3. blocks grouped by their parent; the main group is the one with the most items (dates and
//    summaries count extra); groups in the same column before it (featured blocks) join it, groups in
//    sidebars ("đọc nhiều", "lấy ý kiến", related news) and page furniture do not;
// 4. each item's date from its block: visible text first, then datetime/title attributes (their field
//    order taken from the visible dates they sit beside, or from each other).

type Doc = ReturnType<typeof parseHTML>['document'];
export type El = NonNullable<ReturnType<Doc['querySelector']>>;

export interface FoundItem {
  url: string;
  title: string | null;
  published: ParsedDate | null;
}

export interface FoundListing {
  items: FoundItem[];
  /** A CSS selector of the item blocks that reads the same items (for an admin to confirm or correct). */
  itemSelector: string | null;
  /** Items in the main group alone (without featured blocks). */
  mainGroupSize: number;
  /** Of those, items with a date. */
  mainGroupDated: number;
  /** Longest run of paragraph text outside the article blocks: an article page has one. */
  bodyTextChars: number;
}

export interface DateContext {
  /** Field order of numeric dates, when the source's settings fix it. */
  order?: DayOrder | null;
  now?: Date;
}

const MIN_TITLE = 12;
const FURNITURE = 'nav, header, footer, [role="navigation"], [role="banner"], [role="contentinfo"], form, select, script, style, noscript, template';
// Containers whose name says they are not the section's own list.
const SIDE_NAME = /(^|[\s_-])(side(bar)?|aside|widget|right|col-?right|left-?col|most|popular|top-?view|doc-?nhieu|docnhieu|xem-?nhieu|xemnhieu|related|lien-?quan|lienquan|tin-?khac|tinkhac|other|y-?kien|gop-?y|hoi-?dap|consult|poll|vote|banner|ads?|quang-?cao|menu|breadcrumbs?|footer|header|links?-?web|weblinks?)([\s_-]|\d|$)/i;
const SIDE_HEADING = /(đọc nhiều|xem nhiều|được quan tâm|tin liên quan|bài liên quan|tin khác|bài khác|tin cùng|cùng chuyên mục|lấy ý kiến|xin ý kiến|góp ý|hỏi đáp|thăm dò|liên kết|quảng cáo|video|thư viện ảnh|most read|related)/i;
const PAGER_TEXT = /^(trang\s*)?(\d+|sau|tiếp|trước|đầu|cuối|next|prev(ious)?|first|last|[«»‹›<>]+|\.\.\.)$/i;

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().normalize('NFC');

export function absoluteUrl(href: string | null | undefined, base: string): string | null {
  if (!href || href.startsWith('#') || /^(javascript|mailto|tel|data):/i.test(href.trim())) return null;
  try {
    const u = new URL(href.trim(), base);
    u.hash = '';
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Same site: the same host, or one a subdomain of the other (www.x.gov.vn and x.gov.vn). */
function sameSite(a: string, b: string): boolean {
  const h1 = new URL(a).hostname.replace(/^www\./, '');
  const h2 = new URL(b).hostname.replace(/^www\./, '');
  return h1 === h2 || h1.endsWith('.' + h2) || h2.endsWith('.' + h1);
}

function inFurniture(el: El): boolean {
  return !!el.closest(FURNITURE);
}

function classAndId(el: El): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

/** A sidebar or a box of other articles: by its name, or by the heading that introduces it. */
function isSideBox(container: El, stop: El | null): boolean {
  for (let e: El | null = container; e && e !== stop && e.tagName !== 'BODY'; e = e.parentElement as El | null) {
    if (e.tagName === 'ASIDE' || SIDE_NAME.test(classAndId(e))) return true;
    // The box's heading: a heading or title-ish element before the list, within the same box.
    for (let s = e.previousElementSibling as El | null, n = 0; s && n < 3; s = s.previousElementSibling as El | null, n++) {
      if (/^H[1-6]$/.test(s.tagName) || /title|heading|tieu-?de/i.test(classAndId(s))) {
        if (SIDE_HEADING.test(clean(s.textContent))) return true;
        break;
      }
    }
  }
  return false;
}

function titleOf(a: El): string {
  const text = clean(a.textContent);
  const attr = clean(a.getAttribute('title'));
  // A truncated text ("Hội nghị học tập…") gives way to the full title attribute.
  if (attr.length > text.length && (text.endsWith('…') || text.endsWith('...') || text.length < MIN_TITLE)) return attr;
  return text || attr;
}

interface Candidate {
  url: string;
  anchors: El[];
  title: string;
  headline: boolean;
  block: El;
}

/** Article candidates: document order, one per URL, each with its block. */
function candidates(doc: Doc, pageUrl: string, base: string): Candidate[] {
  const byUrl = new Map<string, Candidate>();
  const order: Candidate[] = [];
  const page = absoluteUrl(pageUrl, pageUrl);
  for (const a of doc.querySelectorAll('a[href]') as Iterable<El>) {
    const url = absoluteUrl(a.getAttribute('href'), base);
    if (!url || url === page || !sameSite(url, pageUrl) || inFurniture(a)) continue;
    const path = new URL(url).pathname;
    if (path === '/' || path === '') continue;
    const title = titleOf(a);
    let c = byUrl.get(url);
    if (!c) {
      c = { url, anchors: [], title: '', headline: false, block: a };
      byUrl.set(url, c);
      order.push(c);
    }
    c.anchors.push(a);
    // The headline anchor names the article; otherwise the longest text ("Xem tiếp" links aside).
    const headline = !!a.closest('h1, h2, h3, h4, h5') || /title|tieu-?de|headline/i.test(a.getAttribute('class') ?? '');
    const t = title.replace(/^(xem tiếp|xem thêm|chi tiết|đọc tiếp)\s*(về)?\s*/i, '').replace(/\s*»$/, '');
    if (PAGER_TEXT.test(t)) continue;
    if ((headline && !c.headline) || (headline === c.headline && t.length > c.title.length)) {
      c.title = t;
      c.headline = headline;
    }
  }
  // Titles are long; a link repeated in many blocks (a category, "Xem tiếp" to a section) is not an article.
  const real = order.filter((c) => c.title.length >= MIN_TITLE && c.title.split(' ').length >= 3 && c.anchors.length <= 3);
  const realUrls = new Set(real.map((c) => c.url));
  // Which article each anchor belongs to: a block may hold only one article's links.
  const owner = new Map<El, string>();
  for (const c of real) for (const a of c.anchors) owner.set(a, c.url);
  for (const c of real) {
    // Climb from the first anchor while the parent links to this article only.
    let b: El = c.anchors[0]!;
    for (;;) {
      const p = b.parentElement as El | null;
      if (!p || p.tagName === 'BODY' || p.tagName === 'HTML') break;
      let other = false;
      for (const a of p.querySelectorAll('a[href]') as Iterable<El>) {
        const u = owner.get(a);
        if (u && u !== c.url) {
          other = true;
          break;
        }
      }
      if (other) break;
      b = p;
      // Every anchor of the article is inside: a block that also holds its image link is big enough.
      if (c.anchors.every((a) => b.contains(a)) && /^(LI|ARTICLE|TR|DL)$/.test(b.tagName)) break;
    }
    c.block = b;
  }
  return real.filter((c) => realUrls.has(c.url));
}

/** Text of a block minus its links' text (titles may carry dates of their own: "1945 - 2025"). */
function blockTextWithoutLinks(block: El): string {
  const copy = block.cloneNode(true) as El;
  copy.querySelectorAll('a, h1, h2, h3, h4').forEach((x: { remove(): void }) => x.remove());
  return clean(copy.textContent);
}

function attrDates(block: El): string[] {
  const out: string[] = [];
  for (const el of [block, ...(block.querySelectorAll('[datetime], [title], [data-date], [content]') as Iterable<El>)]) {
    for (const name of ['datetime', 'data-date', 'content', 'title']) {
      const v = el.getAttribute(name);
      if (v && /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/.test(v)) out.push(v);
    }
  }
  return out;
}

/** Dates of blocks (visible text first; attributes for the time, in the order the page shows). */
export function datesOfBlocks(blocks: El[], ctx: DateContext = {}): Array<ParsedDate | null> {
  const visible = blocks.map((b) => blockTextWithoutLinks(b));
  const attrs = blocks.map(attrDates);
  const visibleOrder = ctx.order ?? inferDayOrder(visible) ?? 'dmy';
  const vis = visible.map((t) => parseVietnameseDate(t, false, { order: visibleOrder, now: ctx.now }));
  // Attribute order: the one that agrees with the visible dates beside them, else what they show themselves.
  const agree = { dmy: 0, mdy: 0 };
  attrs.forEach((list, i) => {
    const v = vis[i];
    if (!v || !list.length) return;
    for (const o of ['dmy', 'mdy'] as const) {
      const d = parseDate(list[0], { order: o });
      if (d && d.iso.slice(0, 10) === v.iso.slice(0, 10)) agree[o]++;
    }
  });
  const attrOrder: DayOrder =
    ctx.order ?? (agree.mdy > agree.dmy ? 'mdy' : agree.dmy > agree.mdy ? 'dmy' : inferDayOrder(attrs.flat()) ?? visibleOrder);
  return blocks.map((_, i) => {
    const v = vis[i] ?? null;
    const a = attrs[i]!.map((s) => parseDate(s, { order: attrOrder }) ?? parseVietnameseDate(s, false, { order: attrOrder })).find((d) => d) ?? null;
    if (!v) return a;
    // The attribute adds the time the visible text leaves out, when it names the same day.
    if (a && !a.dateOnly && (v.dateOnly || v.iso === a.iso) && v.iso.slice(0, 10) === a.iso.slice(0, 10)) return a;
    return v;
  });
}

const cssIdent = (s: string) => s.replace(/([^\w-])/g, '\\$1');

/** tag.class for an element (classes that look generated or stateful left out). */
function simpleSelector(el: El): string {
  const classes = (el.getAttribute('class') ?? '').split(/\s+/).filter((c: string) => c && !/^(active|current|selected|first|last|odd|even|clearfix|row|col(-\w+)*|\d.*)$/i.test(c));
  return el.tagName.toLowerCase() + classes.slice(0, 2).map((c: string) => '.' + cssIdent(c)).join('');
}

/** A selector for a container: its id, or up to three tag.class steps from the nearest ancestor with an id. */
function containerSelector(el: El): string {
  const steps: string[] = [];
  for (let e: El | null = el, n = 0; e && e.tagName !== 'BODY' && e.tagName !== 'HTML' && n < 4; e = e.parentElement as El | null, n++) {
    const id = e.getAttribute('id');
    if (id && /^[A-Za-z][\w-]*$/.test(id)) {
      steps.unshift('#' + id);
      break;
    }
    steps.unshift(simpleSelector(e));
  }
  return steps.join(' > ');
}

/** Find the article list of a section page. Null when the page has no repeated article blocks. */
export function findArticles(doc: Doc, pageUrl: string, base: string, ctx: DateContext = {}): FoundListing | null {
  const cands = candidates(doc, pageUrl, base);
  if (cands.length === 0) return null;
  // Group blocks by parent and block shape.
  const groups = new Map<El, Candidate[]>();
  for (const c of cands) {
    const parent = (c.block.parentElement ?? c.block) as El;
    const list = groups.get(parent) ?? [];
    list.push(c);
    groups.set(parent, list);
  }
  type Group = { parent: El; items: Candidate[]; side: boolean; score: number; first: number; dated: number };
  const all: Group[] = [...groups.entries()].map(([parent, items]) => {
    const dated = datesOfBlocks(items.map((i) => i.block), ctx).filter(Boolean).length;
    const summaries = items.filter((i) => blockTextWithoutLinks(i.block).length >= 60).length;
    return { parent, items, side: isSideBox(parent, null), score: items.length + 0.5 * dated + 0.5 * summaries, first: cands.indexOf(items[0]!), dated };
  });
  const eligible = all.filter((g) => !g.side);
  const pool = eligible;
  if (!pool.length) return null;
  const main = pool.reduce((best, g) => (g.score > best.score ? g : best));
  // The section's column: the highest ancestor of the main list (at most three levels up) that holds no sidebar group.
  let column: El = main.parent;
  for (let e = main.parent.parentElement as El | null, n = 0; e && e.tagName !== 'BODY' && n < 3; e = e.parentElement as El | null, n++) {
    if (all.some((g) => g.side && e!.contains(g.parent))) break;
    column = e;
  }
  const chosen = pool.filter((g) => g === main || (column.contains(g.parent) && g.first < main.first && !isSideBox(g.parent, column)));
  chosen.sort((a, b) => a.first - b.first);
  const items = chosen.flatMap((g) => g.items);
  const dates = datesOfBlocks(items.map((i) => i.block), ctx);
  // Selector suggestion: each chosen group's blocks, under their container.
  const parts = chosen.map((g) => `${containerSelector(g.parent)} > ${simpleSelector(g.items[0]!.block)}`);
  let itemSelector: string | null = [...new Set(parts)].join(', ');
  try {
    // Offered only when it reads back the same blocks (no more than a few extra).
    const sel = [...(doc.querySelectorAll(itemSelector) as Iterable<El>)];
    if (sel.length > items.length * 1.5 || !items.every((i) => sel.includes(i.block))) itemSelector = null;
  } catch {
    itemSelector = null;
  }
  return {
    items: items.map((c, i) => ({ url: c.url, title: c.title || null, published: dates[i] ?? null })),
    itemSelector,
    mainGroupSize: main.items.length,
    mainGroupDated: main.dated,
    bodyTextChars: bodyTextOutside(doc, new Set(cands.map((c) => c.block))),
  };
}

/** The longest text of consecutive paragraphs outside article blocks and page furniture. */
function bodyTextOutside(doc: Doc, blocks: Set<El>): number {
  const byParent = new Map<El, number>();
  for (const p of doc.querySelectorAll('p') as Iterable<El>) {
    if (inFurniture(p)) continue;
    let inside = false;
    for (let e: El | null = p; e; e = e.parentElement as El | null) if (blocks.has(e)) inside = true;
    if (inside) continue;
    const parent = p.parentElement as El;
    byParent.set(parent, (byParent.get(parent) ?? 0) + clean(p.textContent).length);
  }
  return Math.max(0, ...byParent.values());
}
