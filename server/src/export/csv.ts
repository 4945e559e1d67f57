import type { Cell, TableGrid } from './table';

const BOM = '\uFEFF';

/**
 * How the file separates fields and writes decimals. `standard` is RFC 4180 (comma, decimal point);
 * `vn` is what Excel set to Vietnamese expects when the file is double-clicked: its list separator
 * is ';' and its decimal mark ',' (a comma-separated file would open as one column). Both have the BOM.
 */
export interface CsvDialect {
  separator: ',' | ';';
  decimal: '.' | ',';
}
export const CSV_STANDARD: CsvDialect = { separator: ',', decimal: '.' };
export const CSV_VN: CsvDialect = { separator: ';', decimal: ',' };

/** RFC 4180 field: quoted when it holds the separator, a quote, CR or LF, or leading/trailing space; quotes doubled. */
export function csvField(value: string, dialect: CsvDialect = CSV_STANDARD): string {
  const special = dialect.separator === ';' ? /[";\r\n]|^\s|\s$/ : /[",\r\n]|^\s|\s$/;
  return special.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A text cell that a spreadsheet would run as a formula (it begins with =, +, -, @, tab or CR):
 * prefixed with ' and quoted, as OWASP's CSV-injection advice says, so Excel and LibreOffice show the
 * text instead of evaluating it. Numbers are written by us and never pass through here.
 */
export function csvTextField(value: string, dialect: CsvDialect = CSV_STANDARD): string {
  if (!/^[=+\-@\t\r]/.test(value)) return csvField(value, dialect);
  return `"'${value.replace(/"/g, '""')}"`;
}

/** A number as the spreadsheet shows it with our formats (integers; one decimal for scores). */
export function formatNumber(n: number, decimals: number, dialect: CsvDialect = CSV_STANDARD): string {
  const s = decimals > 0 ? n.toFixed(decimals) : String(Math.round(n));
  return dialect.decimal === ',' ? s.replace('.', ',') : s;
}

function cellField(cell: Cell, decimals: number, dialect: CsvDialect): string {
  if (cell === null) return '';
  return typeof cell === 'number' ? csvField(formatNumber(cell, decimals, dialect), dialect) : csvTextField(cell.normalize('NFC'), dialect);
}

/** Rows → CSV text: UTF-8 BOM first (so Excel reads Vietnamese right), CRLF line ends. */
export function toCsv(rows: Cell[][], decimalCols: ReadonlySet<number> = new Set(), dialect: CsvDialect = CSV_STANDARD): string {
  const lines = rows.map((row) => row.map((cell, col) => cellField(cell, decimalCols.has(col) ? 1 : 0, dialect)).join(dialect.separator));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export function tableCsv(grid: TableGrid, dialect: CsvDialect = CSV_STANDARD): string {
  return toCsv(grid.rows, new Set(grid.decimalCols), dialect);
}
