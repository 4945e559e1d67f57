import { foldKey } from './fold';

/** The columns of a unit registry sheet. */
export const UNIT_FIELDS = ['code', 'name', 'parent', 'kind', 'websites', 'leadUsername', 'leadName', 'leadEmail'] as const;
export type UnitField = (typeof UNIT_FIELDS)[number];

/** The header each column gets on export (the first spelling below). */
export const UNIT_HEADERS: Record<UnitField, string> = {
  code: 'Mã',
  name: 'Tên đơn vị',
  parent: 'Đơn vị cấp trên',
  kind: 'Loại',
  websites: 'Trang thông tin điện tử',
  leadUsername: 'Tài khoản trưởng đơn vị',
  leadName: 'Họ tên trưởng đơn vị',
  leadEmail: 'Email',
};

// Spellings seen in offices' sheets, compared after foldKey (so case, accents and punctuation do not matter).
const VARIANTS: Record<UnitField, string[]> = {
  code: ['mã', 'mã đơn vị', 'mã số', 'ký hiệu', 'viết tắt', 'tên viết tắt', 'code', 'unit code'],
  name: ['tên đơn vị', 'đơn vị', 'tên', 'tên cơ quan', 'tên tổ chức', 'cơ quan, đơn vị', 'cơ quan đơn vị', 'name', 'unit', 'unit name'],
  parent: ['đơn vị cấp trên', 'cấp trên', 'trực thuộc', 'thuộc', 'đơn vị chủ quản', 'mã đơn vị cấp trên', 'mã cấp trên', 'parent'],
  kind: ['loại', 'loại đơn vị', 'loại hình', 'cấp', 'kind', 'type'],
  websites: [
    'trang thông tin điện tử', 'trang thông tin', 'trang tin điện tử', 'cổng thông tin điện tử', 'website', 'websites', 'web',
    'trang web', 'địa chỉ', 'địa chỉ website', 'địa chỉ trang web', 'địa chỉ trang thông tin điện tử', 'url', 'site',
  ],
  leadUsername: ['tài khoản', 'tài khoản trưởng đơn vị', 'tên đăng nhập', 'tài khoản đăng nhập', 'username', 'account', 'login'],
  leadName: ['trưởng đơn vị', 'họ tên trưởng đơn vị', 'họ và tên trưởng đơn vị', 'họ tên', 'họ và tên', 'người phụ trách', 'lãnh đạo', 'lead', 'lead name'],
  leadEmail: ['email', 'e mail', 'thư điện tử', 'email trưởng đơn vị', 'địa chỉ email', 'địa chỉ thư điện tử', 'mail'],
};

const FIELD_BY_KEY = new Map<string, UnitField>();
for (const f of UNIT_FIELDS) for (const v of VARIANTS[f]) FIELD_BY_KEY.set(foldKey(v), f);

export interface HeaderMatch {
  /** Column index (0-based) of each field found. */
  columns: Partial<Record<UnitField, number>>;
  /** Headers that name no field: ignored, listed for the user. */
  unknown: string[];
  /** A field named by two columns: the first is used, the later ones listed here. */
  repeated: string[];
}

/** Finds the fields by header name, in any order. */
export function matchHeaders(headers: readonly string[]): HeaderMatch {
  const columns: Partial<Record<UnitField, number>> = {};
  const unknown: string[] = [];
  const repeated: string[] = [];
  headers.forEach((h, i) => {
    const text = h.trim();
    if (!text) return;
    const field = FIELD_BY_KEY.get(foldKey(text));
    if (!field) unknown.push(text);
    else if (columns[field] !== undefined) repeated.push(text);
    else columns[field] = i;
  });
  return { columns, unknown, repeated };
}

/**
 * The header row: the first of the first 10 rows that names the unit name column (offices put a
 * title and a blank line above the table). -1 when none does.
 */
export function findHeaderRow(grid: readonly (readonly string[])[]): number {
  for (let i = 0; i < Math.min(grid.length, 10); i++) if (matchHeaders(grid[i]!).columns.name !== undefined) return i;
  return -1;
}
