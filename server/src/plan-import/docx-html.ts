// mammoth's HTML → plain lines, keeping what raw text loses: Word's automatic list numbering
// and bullets ("1.", "1.1.", "-", "+"), table cells as lines, footnotes as "¹ …" lines.

const SUPER = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const toSuper = (n: string): string => n.replace(/\d/g, (d) => SUPER[Number(d)]!);
const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'tr', 'table', 'div']);

function decodeEntities(s: string): string {
  return s
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

export function docxHtmlToText(html: string): string {
  const lines: string[] = [];
  const lists: { ordered: boolean }[] = [];
  // Word continues a numbered list across interruptions (bullets between items), mammoth starts a new <ol>:
  // counters per ordered depth survive until a plain paragraph outside any list.
  const counters: number[] = [];
  let cur = '';
  let prefix = '';
  let inSup = false;
  const flush = () => {
    const t = cur.replace(/[ \t]+/g, ' ').trim();
    if (t || !prefix) lines.push(t);
    cur = '';
    prefix = '';
  };
  const TOKEN = /<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g;
  for (const m of html.matchAll(TOKEN)) {
    const [, close, rawTag, attrs = '', text] = m;
    if (text !== undefined) {
      const t = decodeEntities(text);
      if (prefix && !cur) cur = prefix;
      cur += inSup ? toSuper(t.replace(/[[\]]/g, '')) : t;
      continue;
    }
    const tag = rawTag!.toLowerCase();
    if (tag === 'br') flush();
    else if (tag === 'sup') inSup = !close;
    else if (tag === 'ol' || tag === 'ul') {
      if (close) lists.pop();
      else {
        const depth = lists.filter((l) => l.ordered).length;
        if (tag === 'ol' && lists.length > 0) counters.length = depth; // a nested list restarts
        lists.push({ ordered: tag === 'ol' });
      }
    } else if (tag === 'li' && !close) {
      if (cur.trim()) flush();
      const fn = /id="(?:footnote|endnote)-(\d+)"/.exec(attrs);
      const list = lists[lists.length - 1];
      if (fn) prefix = `${toSuper(fn[1]!)} `;
      else if (list?.ordered) {
        const depth = lists.filter((l) => l.ordered).length - 1;
        counters.length = depth + 1;
        counters[depth] = (counters[depth] ?? 0) + 1;
        prefix = `${counters.map((n) => n ?? 1).join('.')}. `;
      } else if (list) prefix = lists.length > 1 ? '+ ' : '- ';
    } else if (BLOCK.has(tag)) {
      if (!close && lists.length === 0 && (tag === 'p' || tag.startsWith('h'))) counters.length = 0;
      if (close || (cur.trim() && tag !== 'li')) {
        if (!(tag === 'p' && !close && prefix && !cur)) flush();
      }
    }
  }
  if (cur.trim()) flush();
  // Footnote back-links ("↑") are navigation, not text.
  return lines.map((l) => l.replace(/\s*↑\s*$/u, '')).join('\n');
}
