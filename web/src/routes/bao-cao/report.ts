// Pure helpers of the printable report: it renders the export's table (the cells of the XLSX and
// CSV, GET /api/export/table), the theme columns in blocks that fit an A4 landscape page.
import type { ExportTable } from '$lib/api';
import { formatNumber, formatScore } from '$lib/format';

type Table = ExportTable['table'];

/** Theme columns per printed block: 12 pairs of narrow cells fit A4 landscape beside the unit names. */
export const THEMES_PER_BLOCK = 12;

export interface ThemeBlock {
  /** 0-based index of the first theme of the block in the full list. */
  start: number;
  /** Indexes of the block's themes. */
  themes: number[];
}

export function themeBlocks(themeCount: number, size = THEMES_PER_BLOCK): ThemeBlock[] {
  const blocks: ThemeBlock[] = [];
  for (let i = 0; i < themeCount; i += size) blocks.push({ start: i, themes: Array.from({ length: Math.min(size, themeCount - i) }, (_, k) => i + k) });
  return blocks;
}

/** The table's summary columns (indexes) and their heads, as the XLSX names them. */
export function summaryColumns(t: Table): { col: number; head: string }[] {
  const out: { col: number; head: string }[] = [];
  for (let c = t.summaryCol; c < t.width; c++) out.push({ col: c, head: String(t.rows[4]?.[c] ?? '') });
  return out;
}

/** Data rows then the totals row (indexes into `rows`). */
export function bodyRows(t: Table): number[] {
  return Array.from({ length: t.totalsRow - t.dataStart + 1 }, (_, k) => t.dataStart + k);
}

/** A cell as the page shows it: numbers Vietnamese style (scores with one decimal), blanks empty. */
export function cellText(t: Table, row: number, col: number): string {
  const v = t.rows[row]?.[col] ?? null;
  if (v === null) return '';
  if (typeof v === 'string') return v;
  return t.decimalCols.includes(col) ? formatScore(v) : formatNumber(v);
}
