// Vietnamese time expressions of plan phases → [startsOn, endsOn] with review flags.
import { addDays, lastDayOfMonth, parseDayDate, ymd } from './dates';
import { canonVi, foldVi } from './fold';
import { findNamedEvent, type NamedEvent } from './named-events';

export interface PeriodContext {
  /** The plan's own issue date: what "từ nay" means. */
  issuedOn: string | null;
  /** Date of the implemented (parent) document: fallback for "từ nay", flagged. */
  parentDate: string | null;
  namedEvents: readonly NamedEvent[];
}

export interface ResolvedPeriod {
  startsOn: string | null;
  endsOn: string | null;
  /** "start-from-parent-date", "start-unknown", "end-unknown", "unknown-event:<phrase>". */
  flags: string[];
  /** Named events a bound was taken from (the review screen says so). */
  events?: NamedEvent[];
}

const DATE = String.raw`(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})`;
const ROMAN_Q: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

type Bound = { date: string | null; flags: string[]; events?: NamedEvent[] } | null;

function now(ctx: PeriodContext): { date: string | null; flags: string[] } {
  if (ctx.issuedOn) return { date: ctx.issuedOn, flags: [] };
  if (ctx.parentDate) return { date: ctx.parentDate, flags: ['start-from-parent-date'] };
  return { date: null, flags: ['start-unknown'] };
}

/** Resolves one or several named events ("Đại hội …, Đại hội XXI Đảng bộ tỉnh"): the latest, or null + flags. */
function eventBound(raw: string, ctx: PeriodContext, edge: 'first' | 'last'): { date: string | null; flags: string[]; events?: NamedEvent[] } {
  const phrase = raw.replace(/[,;:.\s]+$/, '').replace(/,?\s*tập trung.*$/iu, '').trim();
  const whole = findNamedEvent(phrase, ctx.namedEvents);
  if (whole) return { date: edge === 'first' ? whole.date : (whole.endDate ?? whole.date), flags: [], events: [whole] };
  const parts = phrase.split(/\s*[,;]\s*|\s+và\s+(?=(?:Đại hội|đại hội|ngày|Ngày|bầu cử|Bầu cử|Hội nghị|kỳ họp|Kỳ họp))/u).filter((p) => p.trim().length > 0);
  const dates: string[] = [];
  const flags: string[] = [];
  const events: NamedEvent[] = [];
  for (const p of parts.length > 0 ? parts : [phrase]) {
    const ev = findNamedEvent(p, ctx.namedEvents);
    if (ev) events.push(ev);
    if (ev) dates.push(edge === 'first' ? ev.date : (ev.endDate ?? ev.date));
    else flags.push(`unknown-event:${p.trim()}`);
  }
  if (flags.length > 0 || dates.length === 0) return { date: null, flags: flags.length ? flags : [`unknown-event:${phrase}`] };
  dates.sort();
  return { date: dates[dates.length - 1]!, flags: [], events };
}

function yearRange(f: string): { s: string; e: string } | null {
  let m = /(\d) thang (dau|cuoi) nam (\d{4})/.exec(f);
  if (m) {
    const y = Number(m[3]);
    const n = Number(m[1]);
    return m[2] === 'dau' ? { s: `${y}-01-01`, e: lastDayOfMonth(y, n) } : { s: `${y}-${String(13 - n).padStart(2, '0')}-01`, e: `${y}-12-31` };
  }
  m = /quy ([iv]+|[1-4])\s*(?:\/|nam|-)\s*(\d{4})/.exec(f);
  if (m && ROMAN_Q[m[1]!]) {
    const q = ROMAN_Q[m[1]!]!;
    const y = Number(m[2]);
    return { s: `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`, e: lastDayOfMonth(y, q * 3) };
  }
  m = /thang (\d{1,2})\s*(?:\/|nam|-)\s*(\d{4})/.exec(f);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) {
    const y = Number(m[2]);
    const mo = Number(m[1]);
    return { s: `${y}-${String(mo).padStart(2, '0')}-01`, e: lastDayOfMonth(y, mo) };
  }
  m = /(?:giai doan|nhiem ky|thoi ky)\s*(?:tu\s+)?(?:nam\s+)?(\d{4})\s*(?:[-–—]|den(?: nam)?)\s*(\d{4})/.exec(f);
  if (m) return { s: `${m[1]}-01-01`, e: `${m[2]}-12-31` };
  m = /nam (\d{4})/.exec(f);
  if (m) return { s: `${m[1]}-01-01`, e: `${m[1]}-12-31` };
  return null;
}

function startBound(f: string, orig: string, ctx: PeriodContext): { bound: Bound; end?: Bound } {
  let m: RegExpExecArray | null;
  if (/\btu nay\b|\bhien nay\b/.test(f)) return { bound: now(ctx) };
  if ((m = new RegExp(String.raw`\btu (?:sau )?(?:ngay )?` + DATE).exec(f))) return { bound: { date: parseDayDate(m[1]!), flags: [] } };
  if ((m = /\b(?:truoc va trong|truoc va sau)\s+(?:ngay\s+)?/.exec(f))) {
    const ev = eventBound(orig.slice(m.index + m[0].length), ctx, 'last');
    return { bound: now(ctx), end: ev };
  }
  if ((m = /\b(?:tu\s+)?sau\s+(?:khi\s+)?(?:ngay\s+)?/.exec(f)) && m.index < 12) {
    const ev = eventBound(orig.slice(m.index + m[0].length), ctx, 'last');
    return { bound: { date: ev.date ? addDays(ev.date, 1) : null, flags: ev.flags } };
  }
  if ((m = /\btruoc\s+(?:ngay\s+)?/.exec(f)) && m.index < 12) {
    const ev = eventBound(orig.slice(m.index + m[0].length), ctx, 'first');
    return { bound: now(ctx), end: { date: ev.date ? addDays(ev.date, -1) : null, flags: ev.flags } };
  }
  const yr = yearRange(f);
  if (yr) return { bound: { date: yr.s, flags: [] }, end: /tiep theo|tro di/.test(f) ? { date: null, flags: [] } : { date: yr.e, flags: [] } };
  if ((m = /\btrong\s+(?:ngay\s+)?/.exec(f)) && m.index < 12) {
    const ev = eventBound(orig.slice(m.index + m[0].length), ctx, 'first');
    if (!ev.date) return { bound: null }; // "trong quá trình …" is not an event
    const last = eventBound(orig.slice(m.index + m[0].length), ctx, 'last');
    return { bound: ev, end: last };
  }
  return { bound: null };
}

function endBound(f: string, orig: string, ctx: PeriodContext): Bound {
  let m: RegExpExecArray | null;
  if ((m = /^\s*(?:het |cuoi )?(?:nam )(\d{4})/.exec(f))) return { date: `${m[1]}-12-31`, flags: [] };
  if ((m = /^\s*(?:het |cuoi )?thang (\d{1,2})\s*(?:\/|nam|-)\s*(\d{4})/.exec(f))) {
    const mo = Number(m[1]);
    return mo >= 1 && mo <= 12 ? { date: lastDayOfMonth(Number(m[2]), mo), flags: [] } : null;
  }
  if ((m = /^\s*(?:het |cuoi )?quy ([iv]+|[1-4])\s*(?:\/|nam|-)\s*(\d{4})/.exec(f)) && ROMAN_Q[m[1]!]) {
    return { date: lastDayOfMonth(Number(m[2]), ROMAN_Q[m[1]!]! * 3), flags: [] };
  }
  if ((m = new RegExp(String.raw`^\s*(?:het\s+)?(?:ngay\s+)?` + DATE).exec(f))) return { date: parseDayDate(m[1]!), flags: [] };
  if (/^\s*nay\b/.test(f)) return now(ctx);
  if (/^\s*(?:het\s+)?(?:nhiem ky|nam)\b/.test(f) && !/\d{4}/.test(f)) return { date: null, flags: ['end-unknown'] };
  // "đến Đại hội …": its first day; "đến khi … thành công / kết thúc Đại hội …": its last day.
  const edge = /^\s*(?:khi\s+)?(?:to chuc\s+)?(?:thanh cong|ket thuc|hoan thanh)\b/.test(f) ? 'last' : 'first';
  return eventBound(orig.replace(/^\s*(?:hết\s+)?(?:ngày\s+)?/iu, ''), ctx, edge);
}

/**
 * "từ nay đến hết năm 2021", "năm 2022 và các năm tiếp theo", "từ năm 2022 đến năm 2025",
 * "giai đoạn từ năm 2025 đến Đại hội XIV", "trước và trong ngày bầu cử …", "sau bầu cử … đến hết năm 2021".
 * Returns null when the phrase holds no time expression at all.
 */
export function resolvePeriod(phrase: string, ctx: PeriodContext): ResolvedPeriod | null {
  const orig = canonVi(phrase).replace(/\s+/g, ' ').trim();
  const f = foldVi(orig);
  if (f.length !== orig.length) return null; // defensive: indices must line up
  const den = /\bden\b/.exec(f);
  const head = den ? f.slice(0, den.index) : f;
  const start = startBound(head, den ? orig.slice(0, den.index) : orig, ctx);
  let end: Bound = start.end ?? null;
  if (den) end = endBound(f.slice(den.index + 3), orig.slice(den.index + 3), ctx);
  let startB = start.bound;
  // "từ ngày 01/3 đến ngày 30/4/2022": the year of a day-month bound comes from the other bound.
  const dm = /\btu (?:ngay )?(\d{1,2})\s*\/\s*(\d{1,2})\b(?!\s*\/)/.exec(head);
  if (!startB && dm && end?.date) startB = { date: ymd(Number(end.date.slice(0, 4)), Number(dm[2]), Number(dm[1])), flags: [] };
  const dmEnd = den ? /^\s*(?:het\s+)?(?:ngay\s+)?(\d{1,2})\s*\/\s*(\d{1,2})\b(?!\s*\/)/.exec(f.slice(den.index + 3)) : null;
  if (dmEnd && startB?.date && (!end || !end.date)) end = { date: ymd(Number(startB.date.slice(0, 4)), Number(dmEnd[2]), Number(dmEnd[1])), flags: [] };
  if (!startB && !end) return null;
  if (!startB && den) startB = now(ctx); // "đến hết năm 2021" alone starts now
  const flags = [...(startB?.flags ?? []), ...(end?.flags ?? [])];
  const events = [...(startB?.events ?? []), ...(end?.events ?? [])];
  const startsOn = startB?.date ?? null;
  let endsOn = end?.date ?? null;
  if (!end) flags.push('end-unknown');
  if (startsOn && endsOn && endsOn < startsOn) {
    flags.push('end-before-start');
    endsOn = null;
  }
  const out: ResolvedPeriod = { startsOn, endsOn, flags: [...new Set(flags)] };
  if (events.length > 0) out.events = [...new Set(events)];
  return out;
}


