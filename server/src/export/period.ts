import { monthPeriod } from '@tdtt/shared/score';

/** The period an export covers: inclusive Vietnam calendar dates, with its wording and file-name slug. */
export interface ExportPeriod {
  kind: 'month' | 'quarter' | 'year' | 'range';
  from: string;
  to: string;
  /** YYYY-MM when kind is 'month' (the coverage API's own period). */
  month: string | null;
  /** Vietnamese wording: "Tháng 3/2025", "Quý I/2025", "Năm 2025", "Từ 01/03/2025 đến 15/04/2025". */
  label: string;
  /** ASCII part of the file name: 2025-03, 2025-Q1, 2025, 2025-03-01_2025-04-15. */
  slug: string;
}

export interface PeriodQuery {
  month?: string;
  quarter?: string;
  year?: string;
  from?: string;
  to?: string;
}

/** A bad period parameter, named so the 400 says which field to fix. */
export class PeriodError extends Error {
  constructor(
    readonly field: keyof PeriodQuery,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'PeriodError';
  }
}

const QUARTER_RE = /^(\d{4})-Q([1-4])$/i;
const YEAR_RE = /^\d{4}$/;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ROMAN = ['I', 'II', 'III', 'IV'];

/** 'DD/MM/YYYY' as Vietnamese offices write dates. */
export function viDate(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

function isCalendarDay(day: string): boolean {
  const m = DAY_RE.exec(day);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === day;
}

export function monthExportPeriod(month: string): ExportPeriod {
  const p = monthPeriod(month);
  return { kind: 'month', ...p, month, label: `Tháng ${Number(month.slice(5))}/${month.slice(0, 4)}`, slug: month };
}

/**
 * Exactly one of month, quarter, year or from+to (none: `fallbackMonth`, the coverage API's default).
 * Throws PeriodError naming the field for a malformed, incomplete, reversed or ambiguous period.
 */
export function resolvePeriod(q: PeriodQuery, fallbackMonth: string): ExportPeriod {
  const given = (['month', 'quarter', 'year'] as const).filter((k) => q[k] !== undefined);
  if (q.from !== undefined || q.to !== undefined) given.push('from' as never);
  if (given.length > 1) throw new PeriodError(given[1]!, 'chỉ chọn một trong month, quarter, year hoặc from/to');
  if (q.month !== undefined) {
    try {
      return monthExportPeriod(q.month);
    } catch {
      throw new PeriodError('month', 'tháng phải có dạng YYYY-MM (ví dụ 2025-03)');
    }
  }
  if (q.quarter !== undefined) {
    const m = QUARTER_RE.exec(q.quarter);
    if (!m) throw new PeriodError('quarter', 'quý phải có dạng YYYY-Qn (ví dụ 2025-Q1)');
    const [y, n] = [m[1]!, Number(m[2])];
    const first = `${y}-${String(3 * n - 2).padStart(2, '0')}`;
    const last = `${y}-${String(3 * n).padStart(2, '0')}`;
    return { kind: 'quarter', from: `${first}-01`, to: monthPeriod(last).to, month: null, label: `Quý ${ROMAN[n - 1]}/${y}`, slug: `${y}-Q${n}` };
  }
  if (q.year !== undefined) {
    if (!YEAR_RE.test(q.year)) throw new PeriodError('year', 'năm phải có dạng YYYY (ví dụ 2025)');
    return { kind: 'year', from: `${q.year}-01-01`, to: `${q.year}-12-31`, month: null, label: `Năm ${q.year}`, slug: q.year };
  }
  if (q.from !== undefined || q.to !== undefined) {
    if (q.from === undefined) throw new PeriodError('from', 'thiếu ngày bắt đầu (YYYY-MM-DD)');
    if (q.to === undefined) throw new PeriodError('to', 'thiếu ngày kết thúc (YYYY-MM-DD)');
    if (!isCalendarDay(q.from)) throw new PeriodError('from', 'ngày phải có dạng YYYY-MM-DD và có thật');
    if (!isCalendarDay(q.to)) throw new PeriodError('to', 'ngày phải có dạng YYYY-MM-DD và có thật');
    if (q.to < q.from) throw new PeriodError('to', 'ngày kết thúc đứng trước ngày bắt đầu');
    return {
      kind: 'range',
      from: q.from,
      to: q.to,
      month: null,
      label: `Từ ${viDate(q.from)} đến ${viDate(q.to)}`,
      slug: `${q.from}_${q.to}`,
    };
  }
  return monthExportPeriod(fallbackMonth);
}
