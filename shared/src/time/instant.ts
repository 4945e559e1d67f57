// Instants as the Vietnamese web writes them → a Date and its ISO form in +07:00. Pure.
// A time without a zone is Asia/Ho_Chi_Minh (+07:00, no DST since 1975), never UTC.
// Day before month unless told otherwise (DayOrder), or unless the day-first reading is
// impossible (2/18/2017). See docs/collect-listing.md ("Dates").

export const VN_OFFSET_MIN = 7 * 60;

export interface ParsedDate {
  /** The instant. */
  date: Date;
  /** ISO 8601 in +07:00, e.g. 2025-02-03T08:15:00+07:00. */
  iso: string;
  /** True when the text carried no zone and +07:00 (or the document's zone) was assumed. */
  zoneAssumed: boolean;
  /** Only a calendar day: no time, or the "12:00 AM" CMSs print when they have none. */
  dateOnly?: boolean;
  /** Computed from a relative expression ("2 giờ trước"): exact only to its unit. */
  relative?: boolean;
}

/** How an all-numeric date orders its fields: Vietnamese day-first, or US month-first. */
export type DayOrder = 'dmy' | 'mdy';

export interface DateReadOptions {
  /** Field order of numeric dates; default 'dmy' (an impossible day-first date is read month-first). */
  order?: DayOrder | null;
  /** Offset in minutes for zone-less times (e.g. a feed's lastBuildDate zone); default +420. */
  zoneMin?: number | null;
  /** Reference time for relative dates ("2 giờ trước", "hôm qua"); without it they are not read. */
  now?: Date;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, ICT: 420, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};

/** Format an instant as ISO 8601 in +07:00. */
export function toVnIso(d: Date): string {
  const t = new Date(d.getTime() + VN_OFFSET_MIN * 60_000);
  return t.toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

function build(
  y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMin: number | null, defaultZone: number | null | undefined, dateOnly = false,
): ParsedDate | null {
  if (y < 100) y += y < 70 ? 2000 : 1900;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59));
  const check = new Date(utc);
  if (check.getUTCDate() !== d) return null; // 31/02 and friends
  const zoneAssumed = offsetMin === null;
  // A calendar day is a Vietnamese day whatever zone a document declares elsewhere.
  const off = offsetMin ?? (dateOnly ? VN_OFFSET_MIN : defaultZone ?? VN_OFFSET_MIN);
  const date = new Date(utc - off * 60_000);
  const out: ParsedDate = { date, iso: toVnIso(date), zoneAssumed };
  if (dateOnly) out.dateOnly = true;
  return out;
}

/** "+07:00", "+0700", "+7", "GMT+7", "UTC+07", "Z", "GMT", "ICT" → minutes; undefined when absent, null when unknown. */
export function parseZone(z: string | undefined): number | null | undefined {
  if (!z) return undefined;
  const t = z.trim().toUpperCase().replace(/[()]/g, '');
  if (!t) return undefined;
  const m = /^(?:GMT|UTC|UT)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  if (t in ZONES) return ZONES[t]!;
  return null;
}

const ZONE_RE = String.raw`\(?((?:GMT|UTC|UT)?\s*[+-]\s*\d{1,2}(?::?\d{2})?|Z|GMT|UTC|UT|ICT|[ECMP][SD]T)?\)?`;
const ISO_RE = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*` + ZONE_RE + '$', 'i');
const RFC_RE = new RegExp(
  String.raw`^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*` + ZONE_RE + '$', 'i',
);
// Numeric: optional weekday, a/b/yyyy (or a-b-yyyy, a.b.yyyy), time before or after, optional zone.
const NUM_DATE = String.raw`(?<![\d/.-])(\d{1,2})\s*(?<sep>[/.-])\s*(\d{1,2})\s*\k<sep>\s*(\d{4})(?!\d)`;
const NUM_TIME = String.raw`(\d{1,2})\s*[:hg]\s*(\d{2})(?:\s*:\s*(\d{2}))?\s*(?:(AM|PM|SA|CH)(?![\p{L}\p{N}]))?`;
const DATE_TIME = new RegExp(NUM_DATE + String.raw`(?:\s*(?:[-,|–]|lúc|\s)\s*` + NUM_TIME + ')?\\s*' + ZONE_RE, 'iu');
const TIME_DATE = new RegExp(NUM_TIME + String.raw`\s*(?:[-,|–]|ngày|\s)\s*` + NUM_DATE + '\\s*' + ZONE_RE, 'iu');
const VN_WORDS = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const RELATIVE = /(?:(\d{1,3})\s*(giây|phút|giờ|tiếng|ngày|tuần|tháng)\s*trước)|(vừa\s+(?:xong|đăng|cập\s+nhật))|(hôm\s+qua|hôm\s+nay)(?:\s*(?:lúc|,|-)?\s*(\d{1,2})\s*[:hg]\s*(\d{2}))?/iu;

function hour12(h: number, ampm: string | undefined): number {
  const a = ampm?.toUpperCase();
  if ((a === 'PM' || a === 'CH') && h < 12) return h + 12;
  if ((a === 'AM' || a === 'SA') && h === 12) return 0;
  return h;
}

/** Day and month of a numeric date's two first fields, in the given order; impossible day-first → month-first. */
function dayMonth(a: number, b: number, order: DayOrder | null | undefined): [day: number, month: number] {
  if (order === 'mdy') return b <= 31 && a <= 12 ? [b, a] : [a, b];
  return b > 12 && a <= 12 ? [b, a] : [a, b];
}

/**
 * Which field order a set of numeric dates from one document uses: a first field above 12 means
 * day-first, a second field above 12 month-first. Null when the samples do not tell (or disagree).
 */
export function inferDayOrder(samples: Iterable<string | null | undefined>): DayOrder | null {
  let dmy = 0;
  let mdy = 0;
  const re = new RegExp(NUM_DATE, 'gu');
  for (const s of samples) {
    if (!s) continue;
    for (const m of s.matchAll(re)) {
      const a = Number(m[1]);
      const b = Number(m[3]);
      if (a > 12 && b <= 12) dmy++;
      else if (b > 12 && a <= 12) mdy++;
    }
  }
  if (dmy && !mdy) return 'dmy';
  if (mdy && !dmy) return 'mdy';
  return null;
}

/** Parse a machine date string (feed, meta, JSON-LD, datetime or title attribute). */
export function parseDate(input: string | null | undefined, opts: DateReadOptions = {}): ParsedDate | null {
  if (!input) return null;
  const s = input.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!s) return null;
  let m = ISO_RE.exec(s);
  if (m) {
    const off = parseZone(m[7]);
    if (off === null) return null;
    return build(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), off ?? null, opts.zoneMin, m[4] === undefined);
  }
  m = RFC_RE.exec(s);
  if (m) {
    const mo = MONTHS[m[2]!.slice(0, 3).toLowerCase()];
    const off = parseZone(m[7]);
    if (!mo || off === null) return null;
    return build(+m[3]!, mo, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), off ?? null, opts.zoneMin, m[4] === undefined);
  }
  return parseVietnameseDate(s, true, opts);
}

function relativeDate(m: RegExpExecArray, now: Date): ParsedDate {
  const t = now.getTime();
  let at: number;
  let dateOnly = false;
  if (m[1]) {
    const n = Number(m[1]);
    const unit = m[2]!.toLowerCase();
    const ms = { giây: 1000, phút: 60_000, giờ: 3600_000, tiếng: 3600_000, ngày: 86_400_000, tuần: 7 * 86_400_000, tháng: 30 * 86_400_000 }[unit] ?? 0;
    at = t - n * ms;
    if (ms >= 86_400_000) dateOnly = true;
  } else if (m[3]) at = t;
  else {
    const back = /qua/i.test(m[4]!) ? 1 : 0;
    const vn = new Date(t + VN_OFFSET_MIN * 60_000);
    const day = Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate() - back) - VN_OFFSET_MIN * 60_000;
    if (m[5]) at = day + (Number(m[5]) * 60 + Number(m[6])) * 60_000;
    else {
      at = day;
      dateOnly = true;
    }
  }
  const date = new Date(Math.floor(at / 1000) * 1000);
  const out: ParsedDate = { date, iso: toVnIso(date), zoneAssumed: true, relative: true };
  if (dateOnly) {
    // Whole days back: the calendar day only.
    const vn = new Date(date.getTime() + VN_OFFSET_MIN * 60_000);
    const d = new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate()) - VN_OFFSET_MIN * 60_000);
    return { date: d, iso: toVnIso(d), zoneAssumed: true, relative: true, dateOnly: true };
  }
  return out;
}

/** Numeric date + optional time → instant; "12:00 AM" (and "12:00:00 AM") is a placeholder for "no time". */
function fromParts(
  a: string, b: string, y: string, hh: string | undefined, mm: string | undefined, ss: string | undefined, ampm: string | undefined, zone: string | undefined, opts: DateReadOptions,
): ParsedDate | null {
  const off = parseZone(zone);
  if (off === null) return null;
  const [day, month] = dayMonth(+a, +b, opts.order);
  if (hh === undefined) return build(+y, month, day, 0, 0, 0, off ?? null, opts.zoneMin, true);
  const placeholder = /^AM$/i.test(ampm ?? '') && +hh === 12 && +mm! === 0 && +(ss ?? 0) === 0;
  if (placeholder) return build(+y, month, day, 0, 0, 0, off ?? null, opts.zoneMin, true);
  return build(+y, month, day, hour12(+hh, ampm), +mm!, +(ss ?? 0), off ?? null, opts.zoneMin);
}

/**
 * Find a date in free text: "Thứ Hai, 03/02/2025 - 08:15", "03/02/2025 08:15 GMT+7",
 * "08:15 03/02/2025", "21/07/2022 | 10:00 AM", "Ngày đăng 09/09/2020 | 05:07 PM | View count: 842",
 * "ngày 3 tháng 2 năm 2025", and (with `opts.now`) "2 giờ trước", "hôm qua 08:30".
 * With `whole`, the text must be only the date (a leading word such as a weekday allowed).
 */
export function parseVietnameseDate(text: string, whole = false, opts: DateReadOptions = {}): ParsedDate | null {
  const s = text.normalize('NFC');
  const anchor = (re: RegExp) => (whole ? new RegExp('^(?:[\\p{L} ]+[,:]?\\s*)?' + re.source + '\\s*$', 'iu') : re);
  const dt = anchor(DATE_TIME).exec(s);
  const td = anchor(TIME_DATE).exec(s);
  // Earliest match wins, so "08:15 ngày 03/02/2025" keeps its time.
  if (td && (!dt || td.index < dt.index)) {
    const r = fromParts(td[5]!, td[7]!, td[8]!, td[1], td[2], td[3], td[4], td[9], opts);
    if (r) return r;
  }
  if (dt) {
    const r = fromParts(dt[1]!, dt[3]!, dt[4]!, dt[5], dt[6], dt[7], dt[8], dt[9], opts);
    if (r) return r;
  }
  const m = anchor(VN_WORDS).exec(s);
  if (m) return build(+m[3]!, +m[2]!, +m[1]!, 0, 0, 0, null, opts.zoneMin, true);
  if (opts.now) {
    const r = anchor(RELATIVE).exec(s);
    if (r) return relativeDate(r, opts.now);
  }
  return null;
}

/** A date written in an article URL: /2025/02/03/, /2025-02-03-, -20250203…; a calendar day only. */
export function dateFromUrl(url: string): ParsedDate | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /(?:^|[/_-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?=$|[/_.-])/.exec(path) ?? /(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?=\d{0,10}(?:$|[/_.-]))/.exec(path);
  if (!m) return null;
  return build(+m[1]!, +m[2]!, +m[3]!, 0, 0, 0, null, null, true);
}

export type DatePlausibility = 'ok' | 'future' | 'too-old';

export interface PlausibilityOptions {
  now: Date;
  /** Allowed clock skew into the future; default 2 hours. */
  futureToleranceMs?: number;
  /** Earliest believable date (the site cannot be older); default 1997-01-01, Vietnam's first day online. */
  notBefore?: Date;
}

export function checkPlausible(d: Date, opts: PlausibilityOptions): DatePlausibility {
  const tol = opts.futureToleranceMs ?? 2 * 3600_000;
  if (d.getTime() > opts.now.getTime() + tol) return 'future';
  const floor = opts.notBefore ?? new Date('1997-01-01T00:00:00+07:00');
  if (d.getTime() < floor.getTime()) return 'too-old';
  return 'ok';
}
