import type { XMLParser } from 'fast-xml-parser';
import { fastXmlParser } from '../lazy-libs';
import { parseDate, type ParsedDate } from '../extract/dates';
import { ParseError, looksLikeHtml, stripIllegalXmlChars } from '../parse-error';

export interface SitemapEntry {
  url: string;
  lastmod: ParsedDate | null;
  /** News sitemaps: <news:publication_date> and <news:title>. */
  published: ParsedDate | null;
  title: string | null;
}

export type ParsedSitemap =
  | { type: 'urlset'; entries: SitemapEntry[] }
  | { type: 'index'; sitemaps: Array<{ url: string; lastmod: ParsedDate | null }> };

let parser: XMLParser | null = null;
const xml = (): XMLParser =>
  (parser ??= new (fastXmlParser().XMLParser)({
    ignoreAttributes: true,
    removeNSPrefix: true,
    isArray: (name) => name === 'url' || name === 'sitemap',
    parseTagValue: false,
    trimValues: true,
  }));

function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return text((v as Record<string, unknown>)['#text']);
  return null;
}

function abs(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Sitemap or sitemap index XML → URLs with dates. Throws ParseError. */
export function parseSitemap(input: string, baseUrl: string): ParsedSitemap {
  if (looksLikeHtml(input)) throw new ParseError('html-not-feed', 'Địa chỉ trả về trang HTML chứ không phải sitemap');
  const clean = stripIllegalXmlChars(input);
  const valid = fastXmlParser().XMLValidator.validate(clean);
  if (valid !== true) throw new ParseError('malformed-xml', `Sitemap XML hỏng: ${valid.err.msg} (dòng ${valid.err.line})`);
  const doc = xml().parse(clean) as Record<string, unknown>;
  const index = doc['sitemapindex'] as { sitemap?: Array<Record<string, unknown>> } | undefined;
  if (index) {
    const sitemaps = (index.sitemap ?? []).flatMap((s) => {
      const url = abs(text(s['loc']), baseUrl);
      return url ? [{ url, lastmod: parseDate(text(s['lastmod'])) }] : [];
    });
    return { type: 'index', sitemaps };
  }
  const set = doc['urlset'] as { url?: Array<Record<string, unknown>> } | undefined;
  if (!set) throw new ParseError('not-a-sitemap', 'Tài liệu XML không phải sitemap');
  const seen = new Set<string>();
  const entries: SitemapEntry[] = [];
  for (const u of set.url ?? []) {
    const url = abs(text(u['loc']), baseUrl);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const news = (u['news'] ?? null) as Record<string, unknown> | null;
    entries.push({
      url,
      lastmod: parseDate(text(u['lastmod'])),
      published: news ? parseDate(text(news['publication_date'])) : null,
      title: news ? (text(news['title'])?.normalize('NFC') ?? null) : null,
    });
  }
  return { type: 'urlset', entries };
}
