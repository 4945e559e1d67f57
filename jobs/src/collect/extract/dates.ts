// Loose date parsing for the Vietnamese web. A time without a zone is
// Asia/Ho_Chi_Minh (+07:00, no DST since 1975), never UTC.

export const VN_OFFSET_MIN = 7 * 60;

export interface ParsedDate {
  /** The instant. */
  date: Date;
  /** ISO 8601 in +07:00, e.g. 2025-02-03T08:15:00+07:00. */
  iso: string;
  /** True when the text carried no zone and +07:00 was assumed. */
  zoneAssumed: boolean;
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

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMin: number | null): ParsedDate | null {
  if (y < 100) y += y < 70 ? 2000 : 1900;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59));
  const check = new Date(utc);
  if (check.getUTCDate() !== d) return null; // 31/02 and friends
  const zoneAssumed = offsetMin === null;
  const date = new Date(utc - (offsetMin ?? VN_OFFSET_MIN) * 60_000);
  return { date, iso: toVnIso(date), zoneAssumed };
}

/** "+07:00", "+0700", "+7", "GMT+7", "UTC+07", "Z", "GMT", "ICT" → minutes; undefined when absent. */
function parseZone(z: string | undefined): number | null | undefined {
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
// Vietnamese: optional weekday, dd/mm/yyyy or dd-mm-yyyy, time before or after, optional zone.
const VN_DATE = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})`;
const VN_TIME = String.raw`(\d{1,2})\s*[:hg]\s*(\d{2})(?:\s*:\s*(\d{2}))?\s*(?:(AM|PM|SA|CH)(?![\p{L}\p{N}]))?`;
const VN_DATE_TIME = new RegExp(VN_DATE + String.raw`(?:\s*(?:[-,|–]|lúc|\s)\s*` + VN_TIME + ')?\\s*' + ZONE_RE, 'iu');
const VN_TIME_DATE = new RegExp(VN_TIME + String.raw`\s*(?:[-,|–]|ngày|\s)\s*` + VN_DATE + '\\s*' + ZONE_RE, 'iu');
const VN_WORDS = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;

function hour12(h: number, ampm: string | undefined): number {
  const a = ampm?.toUpperCase();
  if ((a === 'PM' || a === 'CH') && h < 12) return h + 12;
  if ((a === 'AM' || a === 'SA') && h === 12) return 0;
  return h;
}

/** Parse a machine date string (feed, meta, JSON-LD, datetime attribute). */
export function parseDate(input: string | null | undefined): ParsedDate | null {
  if (!input) return null;
  const s = input.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!s) return null;
  let m = ISO_RE.exec(s);
  if (m) {
    const off = parseZone(m[7]);
    if (off === null) return null;
    return build(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), off ?? null);
  }
  m = RFC_RE.exec(s);
  if (m) {
    const mo = MONTHS[m[2]!.slice(0, 3).toLowerCase()];
    const off = parseZone(m[7]);
    if (!mo || off === null) return null;
    return build(+m[3]!, mo, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), off ?? null);
  }
  return parseVietnameseDate(s, true);
}

/**
 * Find a Vietnamese date in free text: "Thứ Hai, 03/02/2025 - 08:15",
 * "03/02/2025 08:15 GMT+7", "08:15 03/02/2025", "ngày 3 tháng 2 năm 2025".
 * Day before month, always. With `whole`, the text must be only the date.
 */
export function parseVietnameseDate(text: string, whole = false): ParsedDate | null {
  const s = text.normalize('NFC');
  const anchor = (re: RegExp) => (whole ? new RegExp('^(?:[\\p{L} ]+,?\\s*)?' + re.source + '\\s*$', 'iu') : re);
  const dt = anchor(VN_DATE_TIME).exec(s);
  const td = anchor(VN_TIME_DATE).exec(s);
  // Earliest match wins, so "08:15 ngày 03/02/2025" keeps its time.
  if (td && (!dt || td.index < dt.index)) {
    const off = parseZone(td[8]);
    if (off !== null) return build(+td[7]!, +td[6]!, +td[5]!, hour12(+td[1]!, td[4]), +td[2]!, +(td[3] ?? 0), off ?? null);
  }
  if (dt) {
    const off = parseZone(dt[8]);
    if (off !== null) {
      const h = dt[4] ? hour12(+dt[4], dt[7]) : 0;
      return build(+dt[3]!, +dt[2]!, +dt[1]!, h, +(dt[5] ?? 0), +(dt[6] ?? 0), off ?? null);
    }
  }
  let m: RegExpExecArray | null;
  m = anchor(VN_WORDS).exec(s);
  if (m) return build(+m[3]!, +m[2]!, +m[1]!, 0, 0, 0, null);
  return null;
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
