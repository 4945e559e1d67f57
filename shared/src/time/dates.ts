// Vietnamese calendar dates as written in documents → ISO strings (no clock, no time zone:
// plan dates are Vietnam local calendar days).

export type Precision = 'day' | 'month' | 'year';

export interface PartialDate {
  iso: string; // YYYY-MM-DD | YYYY-MM | YYYY
  precision: Precision;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

export function ymd(y: number, m: number, d: number): string | null {
  return isValidYmd(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

export function lastDayOfMonth(y: number, m: number): string {
  return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

/** Adds days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** "05-5-2021", "19/5/2021", "08.10.2024", "ngày 12 tháng 11 năm 2020" → "2021-05-05". */
export function parseDayDate(s: string): string | null {
  const t = s.trim();
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t);
  if (m) return ymd(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$/iu.exec(t);
  if (m) return ymd(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** A date at day, month ("7/1941") or year ("1831") precision. */
export function parsePartialDate(s: string): PartialDate | null {
  const t = s.trim();
  const day = parseDayDate(t);
  if (day) return { iso: day, precision: 'day' };
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t);
  if (m) {
    const mo = Number(m[1]);
    const y = Number(m[2]);
    return mo >= 1 && mo <= 12 && y >= 1000 ? { iso: `${y}-${pad(mo)}`, precision: 'month' } : null;
  }
  m = /^(\d{4})$/.exec(t);
  if (m) return { iso: m[1]!, precision: 'year' };
  return null;
}

/** Finds the first written date in free text ("…, ngày 10 tháng 6 năm 2021" or "ngày 05-5-2021"). */
export const DAY_DATE_IN_TEXT =
  /(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})/u;

export function findDayDate(text: string): string | null {
  const m = DAY_DATE_IN_TEXT.exec(text);
  return m ? parseDayDate(m[1]!) : null;
}

/** Compares partial ISO dates by their common prefix: "2021" vs "2021-05-19" → 0. */
export function comparePartial(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}
