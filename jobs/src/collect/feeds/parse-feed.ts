import type Parser from 'rss-parser';
import { rssParser } from '../lazy-libs';
import { inferDayOrder, parseDate, parseZone, type DateReadOptions, type ParsedDate } from '../extract/dates';
import { canonicalizeUrl } from '../dedup';
import { ParseError, escapeBareAmpersands, looksLikeHtml, stripIllegalXmlChars } from '../parse-error';

export interface FeedItem {
  /** Absolute article URL, or null when the item has none usable. */
  url: string | null;
  guid: string | null;
  title: string;
  published: ParsedDate | null;
  /** The raw date text, for diagnostics when it did not parse. */
  rawDate: string | null;
  /** Full text or summary HTML carried by the feed, if any. */
  contentHtml: string | null;
}

export interface ParsedFeed {
  format: 'rss2' | 'atom' | 'rss1' | 'rss';
  title: string;
  link: string | null;
  items: FeedItem[];
  /** Items dropped: no link at all, or a duplicate GUID/URL. */
  dropped: { noLink: number; duplicate: number };
  /** Older entries: RFC 5005 prev-archive or a paged feed's rel="next". */
  next: string | null;
}

/** rel="prev-archive" (RFC 5005) or rel="next" on the feed itself, not on entries. */
function archiveLink(xml: string, base: string): string | null {
  const head = xml.split(/<(?:item|entry)[\s>]/)[0] ?? '';
  const links = [...head.matchAll(/<(?:atom:)?link\b[^>]*>/gi)].map((m) => m[0]);
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1] ?? null;
  for (const rel of ['prev-archive', 'next']) {
    const tag = links.find((t) => attr(t, 'rel') === rel);
    if (tag) return absolute(attr(tag, 'href'), base);
  }
  return null;
}

type RawItem = Parser.Item & { [k: string]: unknown };
let parser: Parser<Record<string, unknown>, RawItem> | null = null;
const feedParser = () =>
  (parser ??= new (rssParser())<Record<string, unknown>, RawItem>({
    customFields: { item: [['dc:date', 'dcDate'], ['published', 'published'], ['updated', 'updated'], ['content:encoded', 'contentEncoded'], ['yt:videoId', 'ytVideoId']] },
  }));

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (v && typeof v === 'object' && '_' in v && typeof (v as { _: unknown })._ === 'string') return str((v as { _: string })._);
  return null;
}

function formatOf(xml: string): ParsedFeed['format'] {
  const head = xml.slice(0, 4096);
  if (/<feed[\s>]/.test(head)) return 'atom';
  if (/<rdf:RDF[\s>]/.test(head)) return 'rss1';
  if (/<rss[^>]*version=["']2/.test(head)) return 'rss2';
  return 'rss';
}

function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Feed text (already decoded) → normalised items. Throws ParseError. */
export async function parseFeed(text: string, feedUrl: string): Promise<ParsedFeed> {
  if (looksLikeHtml(text)) throw new ParseError('html-not-feed', 'Địa chỉ trả về trang HTML chứ không phải RSS/Atom');
  let xml = escapeBareAmpersands(stripIllegalXmlChars(text)).trimStart();
  // rss-parser keys on the version attribute; a <rss> without one is still RSS 2-ish.
  xml = xml.replace(/<rss(?![^>]*\bversion=)/, '<rss version="2.0"');
  const root = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|\s)*<([\w:.-]+)/i.exec(xml)?.[1];
  if (root && !/^(rss|feed|rdf:RDF)$/i.test(root)) throw new ParseError('not-a-feed', `Tài liệu XML không phải RSS/Atom (thẻ gốc <${root}>)`);
  let raw: Parser.Output<RawItem> & Record<string, unknown>;
  try {
    raw = await feedParser().parseString(xml);
  } catch (e) {
    throw new ParseError('malformed-xml', `XML hỏng: ${String((e as Error).message ?? e).split('\n')[0]}`);
  }
  const link = absolute(str(raw.link), feedUrl);
  const base = link ?? feedUrl;
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  // Zone-less item dates take the channel's own zone (lastBuildDate "… +0700"), else +07:00;
  // numeric item dates take the field order the feed's other dates show (2/18/2017 → month-first).
  const rawDates = (raw.items ?? []).map((it) => str(it.published) ?? str(it.pubDate) ?? str(it.dcDate) ?? str(it.updated) ?? str(it.isoDate));
  const channelDate = str(raw['lastBuildDate']) ?? str(raw['pubDate']);
  const channelZone = channelDate ? parseZone(/(?:[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|Z))$/i.exec(channelDate)?.[0]) : undefined;
  const dateOpts: DateReadOptions = { order: inferDayOrder(rawDates), zoneMin: channelZone ?? null };
  const dropped = { noLink: 0, duplicate: 0 };
  for (const it of raw.items ?? []) {
    const guid = str(it.guid) ?? str(it.id);
    const rdfAbout = str(it['rdf:about']);
    let url = absolute(str(it.link), base);
    if (!url && guid && /^https?:\/\//i.test(guid)) url = absolute(guid, base);
    if (!url && rdfAbout) url = absolute(rdfAbout, base);
    if (!url) {
      dropped.noLink++;
      continue;
    }
    const keys = [guid ? 'g:' + guid : null, 'u:' + (canonicalizeUrl(url) ?? url)].filter((k): k is string => !!k);
    if (keys.some((k) => seen.has(k))) {
      dropped.duplicate++;
      continue;
    }
    keys.forEach((k) => seen.add(k));
    // Raw strings first: rss-parser's own ISO conversion reads zone-less dates as UTC.
    const rawDate = str(it.published) ?? str(it.pubDate) ?? str(it.dcDate) ?? str(it.updated) ?? str(it.isoDate);
    items.push({
      url,
      guid,
      title: (str(it.title) ?? '').normalize('NFC'),
      published: parseDate(rawDate, dateOpts),
      rawDate,
      contentHtml: str(it.contentEncoded) ?? str(it.content) ?? null,
    });
  }
  const next = archiveLink(xml, feedUrl);
  return { format: formatOf(xml), title: (str(raw.title) ?? '').normalize('NFC'), link, items, dropped, next: next === feedUrl ? null : next };
}
