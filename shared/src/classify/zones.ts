// Page furniture: how much a stretch of a post's text counts. Real excerpts carry breadcrumbs,
// datelines, the headline inside the text, and lists of other headlines after the article.

export interface Zone {
  start: number;
  end: number;
  factor: number;
}

export interface ZoneFactors {
  /** breadcrumbs, datelines, counters before the article */
  chrome: number;
  /** a headline-like line before the body when the post has no separate title */
  impliedTitle: number;
  /** a headline-like line before the body when the post has a title (kicker, repeated title) */
  repeatedTitle: number;
  /** short headline-like lines after the body started, and everything after a "related" marker */
  related: number;
}

export const DEFAULT_ZONE_FACTORS: ZoneFactors = { chrome: 0.1, impliedTitle: 1.8, repeatedTitle: 0.5, related: 0.15 };

const RELATED = /^\s*(tin liên quan|các tin khác|tin khác|tin cùng chuyên mục|bài viết liên quan|bài liên quan|xem thêm|tin mới|tin đã đưa|tin bài khác|đọc thêm|tin nổi bật)\b/i;
const RELATED_INLINE = /(Tin liên quan|Các tin khác|CÁC TIN KHÁC|Tin cùng chuyên mục|Bài viết liên quan|TIN LIÊN QUAN|TIN MỚI NHẤT|Tin mới nhất|Xem thêm:)/g;
const CHROME = /(^\s*(trang chủ|home)\b|[>»|]|\bGMT\b|\d{1,2}\/\d{1,2}\/\d{4}|lượt xem|lượt đọc|^\s*(nguồn|tác giả|chia sẻ)\s*:)/i;

function headlineLike(line: string): boolean {
  const t = line.trim();
  return t.length >= 12 && t.length <= 170 && !/[.!?…:;,]$/.test(t);
}

function isBody(line: string): boolean {
  const t = line.trim();
  return t.length > 170 || (t.length > 60 && /[.!?…]["”]?$/.test(t));
}

/** Zones of the text that count differently from body text; the rest counts 1. */
export function textZones(text: string, hasTitle: boolean, f: ZoneFactors = DEFAULT_ZONE_FACTORS): Zone[] {
  const zones: Zone[] = [];
  let pos = 0;
  let bodyStarted = false;
  let afterMarker = false;
  let impliedUsed = false;
  for (const line of text.split('\n')) {
    const start = pos;
    const end = pos + line.length;
    pos = end + 1;
    if (!line.trim()) continue;
    if (RELATED.test(line)) afterMarker = true;
    if (afterMarker) {
      zones.push({ start, end, factor: f.related });
      continue;
    }
    if (isBody(line)) {
      bodyStarted = true;
      continue;
    }
    if (CHROME.test(line)) zones.push({ start, end, factor: f.chrome });
    else if (!bodyStarted && headlineLike(line)) {
      zones.push({ start, end, factor: !hasTitle && !impliedUsed ? f.impliedTitle : f.repeatedTitle });
      impliedUsed = true;
    } else if (bodyStarted && headlineLike(line)) zones.push({ start, end, factor: f.related });
  }
  // Flattened pages: a "related" marker late in the text discounts what follows it.
  if (!afterMarker) {
    for (const m of text.matchAll(RELATED_INLINE)) {
      if (m.index! > text.length * 0.35) {
        zones.push({ start: m.index!, end: text.length, factor: f.related });
        break;
      }
    }
  }
  return zones.sort((a, b) => a.start - b.start);
}

/** Factor at a character offset (zones sorted by start; later zones win on overlap). */
export function factorAt(zones: readonly Zone[], offset: number): number {
  let factor = 1;
  for (const z of zones) {
    if (z.start > offset) break;
    if (offset < z.end) factor = z.factor;
  }
  return factor;
}
