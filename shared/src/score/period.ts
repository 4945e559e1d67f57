/** Calendar periods as inclusive ISO date ranges (Vietnam local dates). */
export interface Period {
  from: string; // YYYY-MM-DD
  to: string; // YYYY-MM-DD, inclusive
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(s: string): boolean {
  return MONTH_RE.test(s);
}

export function monthPeriod(month: string): Period {
  const m = MONTH_RE.exec(month);
  if (!m) throw new RangeError(`tháng không hợp lệ: ${month}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export function addMonths(month: string, n: number): string {
  const m = MONTH_RE.exec(month);
  if (!m) throw new RangeError(`tháng không hợp lệ: ${month}`);
  const idx = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to` inclusive, ascending. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The Vietnam (GMT+7) calendar date of an instant: a post at 23:30 UTC belongs to the next day here. */
export function vietnamDay(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function vietnamMonth(instant: Date): string {
  return vietnamDay(instant).slice(0, 7);
}

/** Whether a phase window (open bounds allowed) overlaps a period. */
export function overlaps(window: { startsOn: string | null; endsOn: string | null }, period: Period): boolean {
  return (window.startsOn === null || window.startsOn <= period.to) && (window.endsOn === null || window.endsOn >= period.from);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
