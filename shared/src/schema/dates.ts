import { z } from 'zod';
import { isValidYmd } from '../time/dates';

/**
 * The one validator of dates in the API — query parameters (month, quarter, year, from/to) and body
 * fields (a plan's issue date and phases, anniversaries, named events, submitted evidence) alike.
 * A value must have the shape, exist on the calendar (no 2025-02-29) and fall inside DATE_YEARS:
 * nothing the product tracks happened before 1900 or is planned after 2099, and a year such as
 * 0000 or 9999 only breaks date arithmetic further down. Every failure is a 400 naming the field.
 */
export const DATE_YEARS = { min: 1900, max: 2099 } as const;

const inYears = (y: number) => y >= DATE_YEARS.min && y <= DATE_YEARS.max;
const yearsMessage = `năm phải từ ${DATE_YEARS.min} đến ${DATE_YEARS.max}`;

/** "YYYY-MM-DD" that exists and lies in DATE_YEARS. */
export function isCalendarDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && inYears(Number(m[1])) && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A calendar day, YYYY-MM-DD (Vietnam local date). */
export const dayParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD')
  .refine(isCalendarDay, { message: `ngày không có trên lịch hoặc ngoài khoảng ${DATE_YEARS.min}–${DATE_YEARS.max}`, abort: true });

/** A month, YYYY-MM. */
export const monthParam = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'tháng phải có dạng YYYY-MM (ví dụ 2025-03)')
  .refine((s) => inYears(Number(s.slice(0, 4))), { message: yearsMessage, abort: true });

/** A quarter, YYYY-Qn (q in either case). */
export const quarterParam = z
  .string()
  .regex(/^\d{4}-[Qq][1-4]$/, 'quý phải có dạng YYYY-Qn (ví dụ 2025-Q1)')
  .refine((s) => inYears(Number(s.slice(0, 4))), { message: yearsMessage, abort: true });

/** A year, YYYY. */
export const yearParam = z
  .string()
  .regex(/^\d{4}$/, 'năm phải có dạng YYYY (ví dụ 2025)')
  .refine((s) => inYears(Number(s)), { message: yearsMessage, abort: true });

/** A date at day, month or year precision ("YYYY-MM-DD", "YYYY-MM", "YYYY"), each part real. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'ngày phải có dạng YYYY-MM-DD, YYYY-MM hoặc YYYY')
  .refine(
    (s) => {
      const [y, m, d] = s.split('-').map(Number) as [number, number | undefined, number | undefined];
      if (!inYears(y)) return false;
      if (m === undefined) return true;
      return isValidYmd(y, m, d ?? 1);
    },
    { message: `ngày không có trên lịch hoặc ngoài khoảng ${DATE_YEARS.min}–${DATE_YEARS.max}`, abort: true },
  );

/**
 * For an object with two day fields: the start must not come after the end. Issue on `toKey`.
 * (Both optional: checked only when both are there.)
 */
export function orderedDays<K extends string>(fromKey: K, toKey: K) {
  return (v: Partial<Record<K, string | null | undefined>>, ctx: z.RefinementCtx) => {
    const from = v[fromKey];
    const to = v[toKey];
    if (from && to && from > to) ctx.addIssue({ code: 'custom', path: [toKey], message: `${toKey} phải không trước ${fromKey}` });
  };
}
