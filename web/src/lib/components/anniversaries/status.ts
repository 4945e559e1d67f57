// Timeliness labels and colours: Okabe–Ito hues (safe for common colour-vision deficiencies), always with a symbol and a word.
import type { Timeliness } from '$lib/api';

export const STATUS: Record<Timeliness, { label: string; symbol: string; colour: string }> = {
  'on-time': { label: 'Kịp thời', symbol: '✓', colour: '#0072B2' },
  late: { label: 'Muộn', symbol: '◷', colour: '#B26B00' },
  silent: { label: 'Im lặng', symbol: '✕', colour: '#C0440A' },
  pending: { label: 'Đang chờ', symbol: '…', colour: '#5b6673' },
};

export const STATE_LABEL = { upcoming: 'Sắp tới', open: 'Đang trong khoảng tính', closed: 'Đã qua', undated: 'Chưa rõ ngày' } as const;

/** Monday-first weeks of a month: 7 slots per row, null outside the month. */
export function monthGrid(month: string): (string | null)[][] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7) cells.push(null);
  const rows: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(cells.slice(i, i + 7));
  return rows;
}

export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const idx = y * 12 + m - 1 + n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}
