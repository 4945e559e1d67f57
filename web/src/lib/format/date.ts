// Dates as Vietnamese readers write them, in Vietnam's time zone (GMT+7).
const TZ = 'Asia/Ho_Chi_Minh';
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function pieces(d: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of parts.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** "2026-10-05" or an ISO timestamp → "05/10/2026" (timestamps in GMT+7). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const m = DATE_ONLY.exec(value);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const p = pieces(d);
  return `${p.day}/${p.month}/${p.year}`;
}

/** ISO timestamp → "05/10/2026 14:30" (GMT+7). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const p = pieces(d);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** "2026-10" → "Tháng 10/2026". */
export function formatMonth(value: string | null | undefined): string {
  if (!value) return '—';
  const m = MONTH.exec(value);
  if (!m) return value;
  return `Tháng ${Number(m[2])}/${m[1]}`;
}

/** "2026-10" → "10/2026", for chart axes. */
export function formatMonthShort(value: string): string {
  const m = MONTH.exec(value);
  return m ? `${m[2]}/${m[1]}` : value;
}

/** Milliseconds between two timestamps → "1 phút 5 giây". */
export function formatDuration(from: string, to: string | null | undefined): string {
  if (!to) return '—';
  const ms = new Date(to).getTime() - new Date(from).getTime();
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} giây`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} phút ${s % 60} giây`;
  return `${Math.floor(min / 60)} giờ ${min % 60} phút`;
}

/** The month under way in Vietnam, "2026-12". */
export function runningMonth(now: Date = new Date()): string {
  const p = pieces(now);
  return `${p.year}-${p.month}`;
}

/** "đang diễn ra, đến 08/12" for the month under way (its figures cover only the days so far); null for any other month. */
export function runningNote(month: string, now: Date = new Date()): string | null {
  if (month !== runningMonth(now)) return null;
  const p = pieces(now);
  return `đang diễn ra, đến ${p.day}/${p.month}`;
}

/** "Tháng 12/2026 (đang diễn ra, đến 08/12)" for the month under way, else as formatMonth. */
export function formatMonthStatus(month: string, now: Date = new Date()): string {
  const note = runningNote(month, now);
  return note ? `${formatMonth(month)} (${note})` : formatMonth(month);
}
