// Pure helpers of the sortable tables: a cell's text as the value people mean (Vietnamese numbers,
// dates dd/mm/yyyy, signed changes, "—" for none) and a comparison that sorts those values.

export type SortValue = number | string | null;
export type SortDir = 'asc' | 'desc';

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
const NUMBER = /^([+\-−]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*(%|điểm|bài)?$/;
const DATE = /^(\d{2})\/(\d{2})\/(\d{4})(?:\s+(\d{2}):(\d{2}))?/;
const MONTH = /^(?:Tháng\s+)?(\d{1,2})\/(\d{4})$/;
const FRACTION = /^(\d+)\/(\d+)$/;
/** "62,5 (TB 4 đơn vị)": the figure, then a note in brackets. */
const NOTE = /\s*\([^)]*\)$/;
const NONE = new Set(['', '—', '-', '–', '…']);

/**
 * "1.234,5" → 1234.5, "+5,2" → 5.2, "−3" → −3, "62,5%" → 62.5, "3/5" (covered of active) → 0.6,
 * "05/10/2026" → 202610050000, "—" → null, else the text.
 */
export function sortValue(text: string): SortValue {
  const t = text.replace(/\s+/g, ' ').trim();
  if (NONE.has(t)) return null;
  const m = MONTH.exec(t);
  if (m) return Number(m[2]) * 100 + Number(m[1]);
  const f = FRACTION.exec(t);
  if (f) return Number(f[2]) > 0 ? Number(f[1]) / Number(f[2]) : null;
  const n = NUMBER.exec(t.replace(NOTE, ''));
  if (n) {
    const v = Number(`${n[2]!.replace(/\./g, '')}.${n[3] ?? '0'}`);
    return n[1] === '-' || n[1] === '−' ? -v : v;
  }
  const d = DATE.exec(t);
  if (d) return Number(`${d[3]}${d[2]}${d[1]}${d[4] ?? '00'}${d[5] ?? '00'}`);
  return t;
}

/** Ascending order of two values: numbers before texts; "none" always last, whatever the direction. */
export function compareValues(a: SortValue, b: SortValue, dir: SortDir): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  let c: number;
  if (typeof a === 'number' && typeof b === 'number') c = a - b;
  else if (typeof a === 'number') c = -1;
  else if (typeof b === 'number') c = 1;
  else c = collator.compare(a, b);
  return dir === 'asc' ? c : -c;
}

/** Rows ordered by one value each, stable (ties keep their order). */
export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, dir: SortDir): T[] {
  return rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((x, y) => compareValues(x.v, y.v, dir) || x.i - y.i)
    .map((x) => x.row);
}

/** The first click on a column: numbers (scores, counts) largest first, texts A→Z. */
export function firstDirection(values: readonly SortValue[]): SortDir {
  const known = values.filter((v) => v !== null);
  return known.length > 0 && known.every((v) => typeof v === 'number') ? 'desc' : 'asc';
}

export interface HeaderCell {
  rowSpan: number;
  colSpan: number;
}

/**
 * The column each header cell starts at and whether it names exactly one column (a grouping header
 * with colspan > 1 cannot sort), laid out as HTML tables do with rowspan and colspan.
 */
export function headerColumns(rows: readonly (readonly HeaderCell[])[]): { column: number; single: boolean }[][] {
  const taken: boolean[][] = rows.map(() => []);
  return rows.map((cells, r) => {
    let col = 0;
    return cells.map((cell) => {
      while (taken[r]![col]) col++;
      for (let dr = 0; dr < cell.rowSpan && r + dr < rows.length; dr++) for (let dc = 0; dc < cell.colSpan; dc++) taken[r + dr]![col + dc] = true;
      const out = { column: col, single: cell.colSpan === 1 };
      col += cell.colSpan;
      return out;
    });
  });
}
