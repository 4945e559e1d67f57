import { normalizeVi } from '../text';
import { kindSlug } from './kinds';
import { findHeaderRow, matchHeaders, type UnitField } from './headers';

/** One data row of the sheet, cleaned; `row` is the spreadsheet's row number (1 = first line). */
export interface UnitRowInput {
  row: number;
  code: string | null;
  name: string;
  parent: string | null;
  kind: string | null;
  websites: string[];
  leadUsername: string | null;
  leadName: string | null;
  leadEmail: string | null;
}

export interface RowProblem {
  row: number;
  /** The column at fault, as the sheet's field name (for the UI to point at). */
  field: UnitField | null;
  message: string;
}

export interface ParsedSheet {
  rows: UnitRowInput[];
  problems: RowProblem[];
  unknownColumns: string[];
  /** The fields the sheet has a column for (a missing column leaves the registry's value alone). */
  present: Set<UnitField>;
  /** A problem with the sheet itself (no header, no name column): nothing else can be read. */
  sheetError: string | null;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CODE = /^[\p{L}\p{N}][\p{L}\p{N}._\-/]{0,63}$/u;

/** Several sites per cell: separated by `;`, `,`, spaces or line breaks. */
export function splitWebsites(cell: string): string[] {
  return cell.split(/[;,\s]+/).map((s) => s.trim()).filter(Boolean);
}

/** A site as stored: http(s), host lower case, no fragment; a bare "soyte.example.vn" gets https://. Null when not a web address. */
export function normalizeWebsite(raw: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname || (!url.hostname.includes('.') && url.hostname !== 'localhost') || url.username || url.password) return null;
  url.hash = '';
  return url.toString();
}

const clean = (s: string | undefined): string => normalizeVi(s ?? '');

/** Reads the sheet's table: header row found by name, then one entry per non-empty row, each checked on its own. */
export function parseUnitSheet(grid: readonly (readonly string[])[]): ParsedSheet {
  const headerAt = findHeaderRow(grid);
  if (headerAt < 0) {
    return {
      rows: [], problems: [], unknownColumns: [], present: new Set(),
      sheetError: 'Không tìm thấy dòng tiêu đề có cột "Tên đơn vị" trong 10 dòng đầu của bảng.',
    };
  }
  const { columns, unknown } = matchHeaders(grid[headerAt]!);
  const rows: UnitRowInput[] = [];
  const problems: RowProblem[] = [];
  const cell = (r: readonly string[], f: UnitField) => (columns[f] === undefined ? '' : clean(r[columns[f]!]));
  for (let i = headerAt + 1; i < grid.length; i++) {
    const r = grid[i]!;
    if (r.every((c) => !c || !c.trim())) continue;
    const row = i + 1;
    const bad = (field: UnitField | null, message: string) => problems.push({ row, field, message });
    const before = problems.length;
    const name = cell(r, 'name');
    if (!name) bad('name', 'thiếu tên đơn vị');
    else if (name.length > 300) bad('name', 'tên đơn vị dài quá 300 ký tự');
    const code = cell(r, 'code') || null;
    if (code && !CODE.test(code)) bad('code', `mã "${code}" chỉ được gồm chữ, số và . _ - / (tối đa 64 ký tự)`);
    const websites: string[] = [];
    const rawSites = columns.websites === undefined ? '' : (r[columns.websites] ?? '').normalize('NFC');
    for (const raw of splitWebsites(rawSites)) {
      const url = normalizeWebsite(raw);
      if (!url) bad('websites', `địa chỉ trang "${raw}" không phải địa chỉ web (http/https)`);
      else if (!websites.includes(url)) websites.push(url);
    }
    const leadUsername = cell(r, 'leadUsername').toLowerCase() || null;
    if (leadUsername && !USERNAME.test(leadUsername)) {
      bad('leadUsername', `tài khoản "${leadUsername}" không hợp lệ: 3–64 ký tự, chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới`);
    }
    const leadEmail = cell(r, 'leadEmail') || null;
    if (leadEmail && !EMAIL.test(leadEmail)) bad('leadEmail', `email "${leadEmail}" không hợp lệ`);
    const kind = cell(r, 'kind');
    if (problems.length > before) continue;
    rows.push({
      row, code, name, parent: cell(r, 'parent') || null, kind: kind ? kindSlug(kind) : null, websites,
      leadUsername, leadName: cell(r, 'leadName') || null, leadEmail,
    });
  }
  return { rows, problems, unknownColumns: unknown, present: new Set(Object.keys(columns) as UnitField[]), sheetError: null };
}
