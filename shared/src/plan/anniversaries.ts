// "N năm Ngày … (dd/mm/yyyy - dd/mm/yyyy)" with day, month ("7/1941") or year ("1831") precision.
import { comparePartial, parsePartialDate } from '../time/index';
import type { Anniversary } from '../schema/plan';

const D = String.raw`\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s*[/.-]\s*\d{4}|\d{4}`;
const RANGE = new RegExp(`\\(\\s*(${D})\\s*[-–—]\\s*(${D})\\s*\\)`, 'gu');

export interface FoundAnniversary extends Anniversary {
  /** Offset of the match in the searched text. */
  at: number;
}

/** Anniversaries in one text. Year spans like "5 năm (2021 - 2025)" are not anniversaries. */
export function findAnniversaries(text: string): FoundAnniversary[] {
  const out: FoundAnniversary[] = [];
  for (const m of text.matchAll(RANGE)) {
    const from = parsePartialDate(m[1]!);
    const to = parsePartialDate(m[2]!);
    if (!from || !to || from.precision !== to.precision) continue;
    const span = Number(to.iso.slice(0, 4)) - Number(from.iso.slice(0, 4));
    if (span <= 0) continue;
    const before = text.slice(Math.max(0, m.index! - 400), m.index); // event names are short; keeps this linear
    const cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf(')'), before.lastIndexOf('('), before.lastIndexOf('.'));
    const chunk = before.slice(cut + 1);
    const nm = [...chunk.matchAll(/(\d{1,4})\s+năm\s+/gu)].pop();
    let event: string;
    let years: number;
    if (nm) {
      years = Number(nm[1]);
      event = chunk.slice(nm.index! + nm[0].length).trim();
      if (years !== span) continue;
    } else {
      // "… (19/8/1945 - 19/8/2025) và Ngày Quốc khánh … (02/9/1945 - 02/9/2025)"
      event = chunk.replace(/^\s*(?:,|và|cùng)\s*/u, '').trim();
      if (!/^Ngày\s/u.test(event)) continue;
      years = span;
    }
    event = event.replace(/^(?:kỷ niệm\s+)/iu, '').replace(/[,\s]+$/u, '');
    if (event.length < 4) continue;
    out.push({ event, date: to.iso, precision: to.precision, years, originDate: from.iso, at: m.index! });
  }
  return out;
}

/** Every anniversary of the plan on or after its reference date, first-seen order, no duplicates. */
export function collectAnniversaries(texts: string[], referenceDate: string | null): Anniversary[] {
  const seen = new Set<string>();
  const out: Anniversary[] = [];
  for (const t of texts) {
    for (const a of findAnniversaries(t)) {
      if (referenceDate && comparePartial(a.date, referenceDate) < 0) continue; // a past event the text only recalls
      const key = `${a.date}|${a.event.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ event: a.event, date: a.date, precision: a.precision, years: a.years, originDate: a.originDate });
    }
  }
  return out;
}
