import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { csvLine, kindLabel, kindSlug, matchHeaders, parseCsv, parseUnitSheet, planImport, treeOrder, type PlanContext, type RegistryUnit } from '.';

const testdata = (f: string) => readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'testdata', f), 'utf8');
const ALL = new Set(['code', 'name', 'parent', 'kind', 'websites', 'leadUsername', 'leadName', 'leadEmail'] as const);
const ctx = (existing: RegistryUnit[] = [], users: PlanContext['users'] = []): PlanContext => ({ existing, users, present: ALL });
const sheet = (lines: string[][]) => parseUnitSheet([['Mã', 'Tên đơn vị', 'Đơn vị cấp trên', 'Loại', 'Website', 'Tài khoản'], ...lines]);

/** Applies a plan to a registry (what the server's save does), for re-import tests. */
function apply(existing: RegistryUnit[], plan: ReturnType<typeof planImport>): RegistryUnit[] {
  const byId = new Map(existing.map((u) => [u.id, u]));
  for (const u of [...plan.creates, ...plan.updates.map((x) => x.unit)]) {
    const { row, ...unit } = u;
    void row;
    byId.set(u.id, unit);
  }
  return [...byId.values()];
}

describe('header matching', () => {
  it('finds each column whatever the case, accents, punctuation and order; lists the unknown ones', () => {
    const m = matchHeaders(['STT', 'TÊN ĐƠN VỊ', 'Trực thuộc', 'ma', 'Loại đơn vị', 'Trang thông tin điện tử', 'Tài khoản trưởng đơn vị', 'Họ và tên', 'E-mail', 'Ghi chú']);
    expect(m.columns).toEqual({ name: 1, parent: 2, code: 3, kind: 4, websites: 5, leadUsername: 6, leadName: 7, leadEmail: 8 });
    expect(m.unknown).toEqual(['STT', 'Ghi chú']);
    expect(matchHeaders(['Địa chỉ', 'Đơn vị', 'Đơn vị cấp trên', 'Tài khoản']).columns).toEqual({ websites: 0, name: 1, parent: 2, leadUsername: 3 });
    expect(matchHeaders(['ten don vi', 'website', 'Website']).repeated).toEqual(['Website']);
  });

  it('skips a title above the table', () => {
    const s = parseUnitSheet([['DANH SÁCH ĐƠN VỊ'], [], ['Tên đơn vị', 'Mã'], ['Sở Y tế', 'SYT']]);
    expect(s.rows).toMatchObject([{ row: 4, name: 'Sở Y tế', code: 'SYT' }]);
    expect(parseUnitSheet([['a', 'b'], ['c', 'd']]).sheetError).toMatch(/Tên đơn vị/);
  });

  it('maps kinds by label or slug, and back', () => {
    expect(['Xã / Phường', 'PHƯỜNG', 'xa-phuong'].map(kindSlug)).toEqual(['xa-phuong', 'xa-phuong', 'xa-phuong']);
    expect(kindSlug('Tỉnh ủy')).toBe('tinh-uy');
    expect(kindSlug('Hợp tác xã')).toBe('hop-tac-xa');
    expect(kindLabel('dac-khu')).toBe('Đặc khu');
  });
});

describe('CSV', () => {
  it('reads the semicolon dialect with a BOM and the comma dialect without, quotes and CRLF', () => {
    const semi = parseCsv(testdata('units-semicolon.csv'));
    expect(semi[0]![1]).toBe('Trực thuộc');
    expect(semi[2]![5]).toBe('https://hoason.org.vn; https://tinhuy.hoason.vn');
    const comma = parseCsv(testdata('units-comma.csv'));
    expect(comma[1]![0]).toBe('Xã Tân Lập, huyện cũ');
    expect(comma.map((r) => r.length)).toEqual([7, 7, 7]);
    expect(parseCsv(csvLine(['a"b', 'c;d', 'e\nf'], ';'))).toEqual([['a"b', 'c;d', 'e\nf']]);
  });

  it('both dialects give the units with their parents, children listed before parents', () => {
    const s = parseUnitSheet(parseCsv(testdata('units-semicolon.csv')));
    expect(s.unknownColumns).toEqual(['STT', 'Ghi chú']);
    const plan = planImport(s.rows, { ...ctx(), present: s.present });
    expect(plan.problems).toEqual([]);
    expect(plan.creates.map((u) => [u.id, u.parentId, u.kind])).toEqual([
      ['tu', null, 'tinh-uy'],
      ['syt', 'tu', 'so'],
      ['cb-vp', 'syt', 'chi-bo'],
    ]);
    expect(plan.creates[0]!.websites).toEqual(['https://hoason.org.vn/', 'https://tinhuy.hoason.vn/']);
    expect(plan.creates[1]!.websites).toEqual(['https://soyte.hoason.gov.vn/']);
    expect(plan.accounts).toEqual([{ row: 2, username: 'ld.syt', unitId: 'syt', displayName: 'ld.syt' }]);
    const c = parseUnitSheet(parseCsv(testdata('units-comma.csv')));
    const p2 = planImport(c.rows, { ...ctx(), present: c.present });
    expect(p2.creates.map((u) => [u.id, u.name, u.parentId, u.leadName, u.leadEmail])).toEqual([
      ['tu', 'Tỉnh ủy Hòa Sơn', null, null, null],
      ['xtl', 'Xã Tân Lập, huyện cũ', 'tu', 'Nguyễn Văn A', 'a@tanlap.vn'],
    ]);
  });
});

describe('planImport', () => {
  const file = [
    ['C1', 'Chi bộ 1', 'Đảng ủy xã A', 'Chi bộ', '', ''],
    ['', 'Đảng ủy xã A', 'T', 'Xã/phường', 'xa-a.example.vn', 'ld.xa-a'],
    ['T', 'Tỉnh ủy', '', 'Tỉnh ủy', 'http://tinh.example.vn', ''],
  ];

  it('a second import of the same file changes nothing; an edited one updates by code, else by name under the parent', () => {
    const first = planImport(sheet(file).rows, ctx());
    expect(first.problems).toEqual([]);
    expect(first.creates.map((u) => u.id)).toEqual(['t', 'dang-uy-xa-a', 'c1']);
    const registry = apply([], first);
    const users = [{ username: 'ld.xa-a', unitId: 'dang-uy-xa-a' }];
    const again = planImport(sheet(file).rows, ctx(registry, users));
    expect([again.creates, again.updates, again.accounts, again.problems]).toEqual([[], [], [], []]);
    expect(again.unchanged.map((u) => u.id).sort()).toEqual(['c1', 'dang-uy-xa-a', 't']);

    const edited = [
      ['C1', 'Chi bộ Một', 'T', 'Chi bộ', '', ''], // renamed and moved, matched by code
      ['', 'Đảng ủy xã A', 'T', 'Xã/phường', 'xa-a.example.vn; https://xa-a2.example.vn', 'ld.xa-a'], // matched by name
      ['T', 'Tỉnh ủy', '', 'Tỉnh ủy', 'http://tinh.example.vn', ''],
    ];
    const p = planImport(sheet(edited).rows, ctx(registry, users));
    expect(p.creates).toEqual([]);
    expect(p.updates.map((x) => [x.unit.id, x.changes.map((c) => c.field)])).toEqual([
      ['c1', ['name', 'parentId']],
      ['dang-uy-xa-a', ['websites']],
    ]);
    expect(p.updates[0]!.changes).toEqual([{ field: 'name', from: 'Chi bộ 1', to: 'Chi bộ Một' }, { field: 'parentId', from: 'dang-uy-xa-a', to: 't' }]);
  });

  it('reports every bad row with its row number and reason, and the rows under a bad row', () => {
    const s = sheet([
      ['T', 'Tỉnh ủy', '', '', '', ''], // row 2: fine
      ['', '', 'T', '', '', ''], // 3: no name
      ['X', 'Sở X', 'Không Có', '', '', ''], // 4: unknown parent
      ['Y', 'Sở Y', 'T', '', 'ftp://y.example.vn', ''], // 5: bad URL
      ['T', 'Tỉnh ủy khác', '', '', '', ''], // 6: duplicate code
      ['A', 'Vòng A', 'B', '', '', ''], // 7, 8: cycle
      ['B', 'Vòng B', 'A', '', '', ''],
      ['Z1', 'Sở Z', 'T', '', '', ''], // 9: fine
      ['Z2', 'Sở Z', 'T', '', '', ''], // 10: same name under the same parent
      ['K', 'Chi bộ K', 'X', '', '', ''], // 11: under bad row 4
      ['L', 'Sở L', 'T', '', '', 'Không Hợp Lệ!'], // 12: bad username
      ['M', 'Sở M', 'T', '', 'http://m.example.vn', 'ld.taken'], // 13: someone else's account
    ]);
    const p = planImport(s.rows, ctx([], [{ username: 'ld.taken', unitId: null }]));
    const all = [...s.problems, ...p.problems].sort((a, b) => a.row - b.row).map((x) => [x.row, x.field, x.message]);
    expect(all).toEqual([
      [3, 'name', 'thiếu tên đơn vị'],
      [4, 'parent', 'không có đơn vị cấp trên "Không Có" (trong tệp hoặc đã có)'],
      [5, 'websites', 'địa chỉ trang "ftp://y.example.vn" không phải địa chỉ web (http/https)'],
      [6, 'code', 'mã "T" trùng với dòng 2'],
      [7, 'parent', 'vòng lặp cấp trên: Vòng A → Vòng B → Vòng A'],
      [8, 'parent', 'vòng lặp cấp trên: Vòng A → Vòng B → Vòng A'],
      [10, 'name', 'trùng tên "Sở Z" với dòng 9 dưới cùng đơn vị cấp trên'],
      [11, 'parent', 'đơn vị cấp trên ở dòng 4 có lỗi'],
      [12, 'leadUsername', 'tài khoản "không hợp lệ!" không hợp lệ: 3–64 ký tự, chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới'],
      [13, 'leadUsername', 'tài khoản "ld.taken" đã có và thuộc người dùng khác'],
    ]);
    expect(p.creates.map((u) => u.row)).toEqual([2, 9]);
  });

  it('refuses to move a registered unit under its own descendant', () => {
    const registry: RegistryUnit[] = [
      { id: 'a', name: 'A', code: 'A', kind: 'unit', parentId: null, websites: [], leadUsername: null, leadName: null, leadEmail: null },
      { id: 'b', name: 'B', code: 'B', kind: 'unit', parentId: 'a', websites: [], leadUsername: null, leadName: null, leadEmail: null },
    ];
    const p = planImport(sheet([['A', 'A', 'B', '', '', '']]).rows, ctx(registry));
    expect(p.problems).toEqual([{ row: 2, field: 'parent', message: 'vòng lặp cấp trên: "A" sẽ nằm dưới chính đơn vị trực thuộc của nó' }]);
  });

  it('orders a tree parents first, siblings by Vietnamese name', () => {
    const units = [
      { id: 'c', name: 'Đảng ủy', parentId: 'r' },
      { id: 'b', name: 'Chi bộ', parentId: 'c' },
      { id: 'r', name: 'Tỉnh', parentId: null },
      { id: 'a', name: 'Ban', parentId: 'r' },
    ];
    expect(treeOrder(units).map((x) => `${x.unit.id}${x.depth}`)).toEqual(['r0', 'a1', 'c1', 'b2']);
  });
});
