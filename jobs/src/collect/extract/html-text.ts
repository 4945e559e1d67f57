import { parseHTML, sanitizeHtml } from '../lazy-libs';

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

type Node = { nodeType: number; nodeName: string; nodeValue: string | null; childNodes: ArrayLike<Node> };

/** HTML fragment → plain text, one paragraph per line, NFC. */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      parts.push(n.nodeValue ?? '');
      return;
    }
    if (n.nodeType !== 1 || SKIP.has(n.nodeName)) return;
    const block = BLOCKS.has(n.nodeName);
    if (block) parts.push('\n');
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]!);
    if (block) parts.push('\n');
  };
  walk(document.body as unknown as Node);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
    .normalize('NFC');
}

/** Sanitised HTML safe to display: structure and images, no scripts, styles or event handlers. */
export function sanitizeArticleHtml(html: string, baseUrl: string): string {
  return sanitizeHtml()(html, {
    allowedTags: [
      'p', 'br', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'strong', 'b', 'em', 'i', 'u', 'a', 'img',
      'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'pre', 'code', 'hr', 'sub', 'sup',
    ],
    allowedAttributes: { a: ['href', 'title', 'rel', 'target'], img: ['src', 'alt', 'title', 'width', 'height'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
    allowedSchemes: ['http', 'https'],
    allowProtocolRelative: false,
    transformTags: {
      a: (tag, attribs) => ({ tagName: tag, attribs: { ...attribs, ...(attribs['href'] ? { href: absolutize(attribs['href'], baseUrl) } : {}), rel: 'nofollow noopener', target: '_blank' } }),
      img: (tag, attribs) => ({ tagName: tag, attribs: { ...attribs, ...(attribs['src'] ? { src: absolutize(attribs['src'], baseUrl) } : {}) } }),
    },
    exclusiveFilter: (frame) => frame.tag === 'a' && !frame.text.trim() && !frame.mediaChildren.length,
  }).normalize('NFC');
}

function absolutize(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}
