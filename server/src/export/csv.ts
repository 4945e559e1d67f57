import type { Cell, TableGrid } from './table';

const BOM = '\uFEFF';

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF, or leading/trailing space; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A text cell that a spreadsheet would run as a formula (it begins with =, +, -, @, tab or CR):
 * prefixed with ' and quoted, as OWASP's CSV-injection advice says, so Excel and LibreOffice show the
 * text instead of evaluating it. Numbers are written by us and never pass through here.
 */
export function csvTextField(value: string): string {
  if (!/^[=+\-@\t\r]/.test(value)) return csvField(value);
  return `"'${value.replace(/"/g, '""')}"`;
}

/** A number as the spreadsheet shows it with our formats (integers; one decimal for scores). */
export function formatNumber(n: number, decimals: number): string {
  return decimals > 0 ? n.toFixed(decimals) : String(Math.round(n));
}

function cellField(cell: Cell, decimals: number): string {
  if (cell === null) return '';
  return typeof cell === 'number' ? csvField(formatNumber(cell, decimals)) : csvTextField(cell.normalize('NFC'));
}

/** Rows → CSV text: UTF-8 BOM first (so Excel reads Vietnamese right), CRLF line ends. */
export function toCsv(rows: Cell[][], decimalCols: ReadonlySet<number> = new Set()): string {
  const lines = rows.map((row) => row.map((cell, col) => cellField(cell, decimalCols.has(col) ? 1 : 0)).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export function tableCsv(grid: TableGrid): string {
  return toCsv(grid.rows, new Set(grid.decimalCols));
}
