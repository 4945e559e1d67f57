import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { legendRows } from './legend';
import { POSTS_HEADER, postRows } from './posts';
import { buildTable, type TableGrid } from './table';
import type { ExportData } from './types';

export const SHEET_TABLE = 'Bảng bao phủ';
export const SHEET_POSTS = 'Bài được tính';
export const SHEET_LEGEND = 'Chú giải';

const FONT = { name: 'Times New Roman', size: 11 };
const BOLD = { ...FONT, bold: true };
const THIN = { style: 'thin' as const, color: { argb: 'FFA6A6A6' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EDF5' } };
// Blue for covered, orange for missing: distinguishable with the common colour-vision deficiencies.
export const COVERED_ARGB = 'FFCFE2F3';
export const MISSING_ARGB = 'FFFCE4CC';
const COVERED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COVERED_ARGB } };
const MISSING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: MISSING_ARGB } };

const headerStyle: Partial<ExcelJS.Style> = {
  font: BOLD,
  fill: HEADER_FILL,
  border: BORDER,
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};

// Shared style objects: exceljs caches a style id per object, so one object per kind keeps big sheets fast.
const TITLE: Partial<ExcelJS.Style> = { font: { ...BOLD, size: 14 } };
const PLAIN: Partial<ExcelJS.Style> = { font: FONT };
const cellKinds = (font: Partial<ExcelJS.Font>) => ({
  text: { font, border: BORDER, alignment: { vertical: 'middle' } } as Partial<ExcelJS.Style>,
  int: { font, border: BORDER, numFmt: '0' } as Partial<ExcelJS.Style>,
  decimal: { font, border: BORDER, numFmt: '0.0' } as Partial<ExcelJS.Style>,
});
const DATA = cellKinds(FONT);
// Theme cells filled as the server decided them covered (the table's `covered`), not by a formula of their own.
const COVERED_CELL: Partial<ExcelJS.Style> = { ...DATA.int, fill: COVERED_FILL };
const MISSING_CELL: Partial<ExcelJS.Style> = { ...DATA.int, fill: MISSING_FILL };
const TOTAL = cellKinds(BOLD);
const NAMES = new Map<number, Partial<ExcelJS.Style>>();
function nameStyle(depth: number): Partial<ExcelJS.Style> {
  const indent = Math.min(depth, 15);
  if (!NAMES.has(indent)) NAMES.set(indent, { font: FONT, border: BORDER, alignment: { indent, vertical: 'middle' } });
  return NAMES.get(indent)!;
}
const LINK: Partial<ExcelJS.Style> = { font: { ...FONT, color: { argb: 'FF0563C1' }, underline: true } };
const DATE: Partial<ExcelJS.Style> = { font: FONT, numFmt: 'dd/mm/yyyy' };
const WRAP: Partial<ExcelJS.Style> = { font: FONT, alignment: { wrapText: true, vertical: 'top' } };
const KEY: Partial<ExcelJS.Style> = { font: BOLD };

/** The XLSX workbook of an export, written by exceljs's streaming writer (rows never all held as cell objects). */
export async function writeXlsx(data: ExportData): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  // Loaded on the first export: ~25 MB of memory the server need not hold for page views.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Theo dõi tuyên truyền';
  wb.created = new Date(data.generatedAt);
  writeTableSheet(wb, buildTable(data));
  if (data.posts) writePostsSheet(wb, data);
  writeLegendSheet(wb, data);
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

function writeTableSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, g: TableGrid) {
  const ws = wb.addWorksheet(SHEET_TABLE, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: g.dataStart, topLeftCell: `C${g.dataStart + 1}`, activeCell: `C${g.dataStart + 1}` }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `4:${g.dataStart}` },
  });
  ws.columns = Array.from({ length: g.width }, (_, c) => ({ width: c === 0 ? 8 : c === 1 ? 42 : c >= g.summaryCol ? 11 : 8.5 }));
  const decimal = new Set(g.decimalCols);
  g.rows.forEach((cells, r) => {
    const row = ws.addRow(cells);
    if (r < 3) {
      row.getCell(1).style = r === 0 ? TITLE : PLAIN;
      row.height = r === 0 ? 22 : 18;
    } else if (r < g.dataStart) {
      row.height = r === 4 ? 60 : 20;
      for (let c = 1; c <= g.width; c++) row.getCell(c).style = headerStyle;
    } else {
      const s = r === g.totalsRow ? TOTAL : DATA;
      row.getCell(1).style = s.text;
      row.getCell(2).style = r === g.totalsRow ? s.text : nameStyle(g.depths[r - g.dataStart] ?? 0);
      for (let c = 3; c <= g.width; c++) row.getCell(c).style = decimal.has(c - 1) ? s.decimal : s.int;
      const covered = g.covered[r - g.dataStart];
      if (covered && r !== g.totalsRow) {
        g.themeCols.forEach((col, i) => {
          const style = covered[i] ? COVERED_CELL : MISSING_CELL;
          row.getCell(col + 1).style = style;
          row.getCell(col + 2).style = style;
        });
      }
    }
    // Merges (all in the header rows) must be set before those rows are committed.
    if (r === g.dataStart - 1) for (const m of g.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    if (r >= g.dataStart) row.commit();
  });
  ws.commit();
}

function writePostsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, data: ExportData) {
  const ws = wb.addWorksheet(SHEET_POSTS, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [{ width: 7 }, { width: 36 }, { width: 12 }, { width: 60 }, { width: 50 }, { width: 50 }, { width: 11 }];
  const header = ws.addRow(POSTS_HEADER);
  for (let c = 1; c <= POSTS_HEADER.length; c++) header.getCell(c).style = headerStyle;
  header.commit();
  for (const p of postRows(data)) {
    const [y, m, d] = p.day.split('-').map(Number) as [number, number, number];
    const row = ws.addRow([p.n, p.unit, new Date(Date.UTC(y, m - 1, d)), p.title, { text: p.url, hyperlink: p.url }, p.themes, p.kind]);
    for (const c of [1, 2, 4, 6, 7]) row.getCell(c).style = PLAIN;
    row.getCell(3).style = DATE;
    row.getCell(5).style = LINK;
    row.commit();
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 7 } };
  ws.commit();
}

function writeLegendSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, data: ExportData) {
  const ws = wb.addWorksheet(SHEET_LEGEND);
  ws.columns = [{ width: 26 }, { width: 24 }, { width: 26 }, { width: 60 }, { width: 12 }, { width: 8 }, { width: 12 }];
  const { facts, themeHeader, themes } = legendRows(data);
  const title = ws.addRow(['CHÚ GIẢI']);
  title.getCell(1).style = TITLE;
  title.commit();
  for (const [k, v] of facts) {
    const row = ws.addRow([k, v]);
    row.getCell(1).style = KEY;
    row.getCell(2).style = WRAP;
    row.height = v.length > 90 ? 15 * Math.ceil(v.length / 90) : 15;
    ws.mergeCells(row.number, 2, row.number, 7);
    row.commit();
  }
  ws.addRow([]).commit();
  const head = ws.addRow(themeHeader);
  for (let c = 1; c <= themeHeader.length; c++) head.getCell(c).style = headerStyle;
  head.commit();
  for (const t of themes) {
    const row = ws.addRow(t);
    for (let c = 1; c <= t.length; c++) row.getCell(c).style = c === 4 ? WRAP : PLAIN;
    row.commit();
  }
  ws.commit();
}
