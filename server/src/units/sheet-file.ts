// An uploaded registry sheet → a grid of cell texts. XLSX by its ZIP signature, else CSV as UTF-8.
import { parseCsv } from '@tdtt/shared/units';

export class SheetFileError extends Error {
  constructor(readonly status: 413 | 415, message: string) {
    super(message);
  }
}

/** 20 MB: a 50,000-row sheet is ~5 MB as XLSX, ~8 MB as CSV. */
export const MAX_SHEET_BYTES = 20 * 1024 * 1024;

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export async function readSheetFile(bytes: Uint8Array, filename: string): Promise<string[][]> {
  if (bytes.length > MAX_SHEET_BYTES) throw new SheetFileError(413, `Tệp quá lớn: giới hạn ${MAX_SHEET_BYTES / 1024 / 1024} MB.`);
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  if (isZip(bytes)) return readXlsx(bytes);
  if (ext === 'xlsx' || ext === 'xls' || ext === 'ods') {
    throw new SheetFileError(415, 'Tệp không phải bảng tính Excel (.xlsx) đọc được; hãy lưu lại dạng .xlsx hoặc .csv.');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SheetFileError(415, 'Tệp CSV không ở mã UTF-8: trong Excel hãy chọn "CSV UTF-8 (Comma delimited)", hoặc lưu dạng .xlsx.');
  }
  // A PDF, an image or a Word file decodes (or not) as nonsense: control characters give it away.
  if (text.includes('\u0000') || /^%PDF|^\{\\rtf/.test(text)) throw new SheetFileError(415, 'Tệp không phải bảng tính (.xlsx hoặc .csv).');
  return parseCsv(text);
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new SheetFileError(415, 'Tệp không phải bảng tính Excel (.xlsx) đọc được.');
  }
  const sheet = wb.worksheets.find((s) => s.state === 'visible') ?? wb.worksheets[0];
  if (!sheet) throw new SheetFileError(415, 'Bảng tính không có trang tính nào.');
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    grid[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(grid, (r) => r ?? []);
}

/** The text a person sees in the cell (rich text joined, a link's text, a formula's result). */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; hyperlink?: string; result?: unknown };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
    if (o.hyperlink) return o.hyperlink;
  }
  return String(v);
}
