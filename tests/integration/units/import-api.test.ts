// POST /api/units/import on an empty install: both CSV dialects and XLSX, headers in any spelling and
// order, rows in any order, dry run, idempotent and edited re-imports, bad rows, non-spreadsheets,
// the export round trip and the lead accounts with one-time passwords.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, signIn } from '../../support';
import { csvOf, emptyInstall, upload, xlsxOf } from './support';

type Install = Awaited<ReturnType<typeof emptyInstall>>;

// Children before their parents; parents named by code or by name.
const SHEET = [
  ['STT', 'Trực thuộc', 'TÊN ĐƠN VỊ', 'Mã', 'Loại', 'Website', 'Tài khoản', 'Họ và tên', 'E-mail', 'Ghi chú'],
  ['1', 'DU-XA-A', 'Chi bộ thôn 1', 'CB-T1', 'Chi bộ', '', '', '', '', ''],
  ['2', 'Tỉnh ủy Hòa Bình Thử', 'Đảng ủy xã A', 'DU-XA-A', 'Xã/phường', 'xa-a.example.vn', 'ld.xa-a', 'Trần Thị B', 'b@xa-a.vn', ''],
  ['3', '', 'Tỉnh ủy Hòa Bình Thử', 'TU', 'Tỉnh ủy', 'https://tinhuy.example.vn\nhttps://tinhuy2.example.vn', '', '', '', 'gốc'],
  ['4', 'TU', 'Sở Y tế', 'SYT', 'Sở', 'http://soyte.example.vn/', 'ld.syt', 'Lê Văn C', '', ''],
];

const registry = async (w: Install) => (await getJson(w.base, '/api/units/registry', { headers: w.admin })).body.units as any[];

describe('unit import API', () => {
  let w: Install;
  beforeAll(async () => {
    w = await emptyInstall();
  }, 60_000);
  afterAll(() => w?.close());

  it('a dry run of a semicolon CSV with a BOM says what would be created and stores nothing', async () => {
    const { status, body } = await upload(w.base, w.admin, '\uFEFF' + csvOf(SHEET, ';'), 'don-vi.csv', '?dryRun=1');
    expect(status).toBe(200);
    expect(body).toMatchObject({ dryRun: true, saved: false, unknownColumns: ['STT', 'Ghi chú'], problems: [], unchanged: 0 });
    expect(body.created.map((u: any) => [u.row, u.id, u.parentId])).toEqual([
      [4, 'tu', null],
      [3, 'du-xa-a', 'tu'],
      [2, 'cb-t1', 'du-xa-a'],
      [5, 'syt', 'tu'],
    ]);
    expect(body.accounts.map((a: any) => [a.username, a.unitId, a.password])).toEqual([['ld.xa-a', 'du-xa-a', null], ['ld.syt', 'syt', null]]);
    expect(await registry(w)).toEqual([]);
  });

  it('saves, creates the lead accounts with one-time passwords, audits; the lead must change it first', async () => {
    const { status, body } = await upload(w.base, w.admin, '\uFEFF' + csvOf(SHEET, ';'), 'don-vi.csv');
    expect(status).toBe(200);
    expect(body.saved).toBe(true);
    expect(body.accounts).toHaveLength(2);
    for (const a of body.accounts) expect(a.password).toMatch(/^[a-z2-9]{12}$/);
    const units = await registry(w);
    expect(units.map((u) => [u.id, u.name, u.code, u.kind, u.parentId, u.depth])).toEqual([
      ['tu', 'Tỉnh ủy Hòa Bình Thử', 'TU', 'tinh-uy', null, 0],
      ['syt', 'Sở Y tế', 'SYT', 'so', 'tu', 1],
      ['du-xa-a', 'Đảng ủy xã A', 'DU-XA-A', 'xa-phuong', 'tu', 1],
      ['cb-t1', 'Chi bộ thôn 1', 'CB-T1', 'chi-bo', 'du-xa-a', 2],
    ]);
    expect(units[0].websites).toEqual(['https://tinhuy.example.vn/', 'https://tinhuy2.example.vn/']);
    expect(units[2]).toMatchObject({ leadUsername: 'ld.xa-a', leadName: 'Trần Thị B', leadEmail: 'b@xa-a.vn' });
    const log = (await getJson(w.base, '/api/audit?action=unit', { headers: w.admin })).body;
    expect(log.entries ?? log.rows ?? log).toBeTruthy();
    expect(JSON.stringify(log)).toContain('unit.import');

    const a = body.accounts.find((x: any) => x.username === 'ld.xa-a');
    const res = await fetch(`${w.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: a.username, password: a.password }) });
    expect(res.status).toBe(200);
    expect((await res.json()).mustChangePassword).toBe(true);
    const lead = await signIn(w.base, a.username, a.password);
    expect((await getJson(w.base, '/api/auth/me', { headers: lead })).body).toMatchObject({ mustChangePassword: true, user: { unitId: 'du-xa-a', role: 'lead' } });
    const blocked = await getJson(w.base, '/api/units', { headers: lead });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('password_change_required');
  });

  it('importing the same rows again changes nothing, from the comma dialect and from XLSX', async () => {
    const before = await registry(w);
    for (const [bytes, name] of [[csvOf(SHEET, ','), 'lai.csv'], [await xlsxOf(SHEET, { title: 'DANH SÁCH ĐƠN VỊ' }), 'lai.xlsx']] as const) {
      const { status, body } = await upload(w.base, w.admin, bytes, name);
      expect(status, name).toBe(200);
      expect([body.created, body.updated, body.accounts, body.problems, body.unchanged], name).toEqual([[], [], [], [], 4]);
    }
    expect(await registry(w)).toEqual(before);
  });

  it('an edited sheet, headers spelled otherwise and in another order, updates by code, else by name under the parent', async () => {
    const edited = [
      ['Địa chỉ', 'Đơn vị cấp trên', 'Tên đơn vị', 'loai don vi', 'ma don vi'],
      ['', 'TU', 'Chi bộ thôn Một', 'Chi bộ', 'CB-T1'], // renamed and moved under TU
      ['https://soyte.example.vn/moi', 'TU', 'Sở Y tế', 'Sở', ''], // matched by name under the parent, new website
      ['', 'SYT', 'Chi bộ Văn phòng Sở', 'chi bộ', ''], // new
    ];
    const { status, body } = await upload(w.base, w.admin, csvOf(edited, ';'), 'sua.csv');
    expect(status).toBe(200);
    expect(body.problems).toEqual([]);
    expect(body.created.map((u: any) => [u.id, u.parentId])).toEqual([['chi-bo-van-phong-so', 'syt']]);
    expect(body.updated.map((u: any) => [u.id, u.changes.map((c: any) => c.field)])).toEqual([
      ['cb-t1', ['name', 'parentId']],
      ['syt', ['websites']],
    ]);
    const units = await registry(w);
    expect(units.find((u) => u.id === 'cb-t1')).toMatchObject({ name: 'Chi bộ thôn Một', parentId: 'tu', code: 'CB-T1' });
    expect(units.find((u) => u.id === 'syt')).toMatchObject({ websites: ['https://soyte.example.vn/moi'], leadUsername: 'ld.syt' });
  });

  it('the XLSX export imports back with no change', async () => {
    const res = await fetch(`${w.base}/api/units/registry.xlsx`, { headers: w.admin });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(['Mã', 'Tên đơn vị', 'Đơn vị cấp trên', 'Loại', 'Trang thông tin điện tử', 'Tài khoản trưởng đơn vị', 'Họ tên trưởng đơn vị', 'Email']);
    const before = await registry(w);
    const { body } = await upload(w.base, w.admin, bytes, 'danh-ba.xlsx');
    expect([body.created, body.updated, body.problems, body.unchanged]).toEqual([[], [], [], before.length]);
    expect(await registry(w)).toEqual(before);
  });

  it('bad rows: every one reported with its number and reason, nothing saved unless told to skip them', async () => {
    const bad = [
      ['Tên đơn vị', 'Mã', 'Trực thuộc', 'Website', 'Tài khoản'],
      ['Sở Tư pháp', 'STP', 'TU', 'https://sotuphap.example.vn', ''], // 2: fine
      ['Sở Mồ Côi', 'SMC', 'Không Có Đơn Vị', '', ''], // 3: unknown parent
      ['Vòng Một', 'V1', 'V2', '', ''], // 4: cycle
      ['Vòng Hai', 'V2', 'V1', '', ''], // 5: cycle
      ['Sở Tư Pháp', '', 'TU', '', ''], // 6: same name as row 2 under TU
      ['Sở Lỗi Web', 'SLW', 'TU', 'mailto:x@y.vn', ''], // 7: bad URL
      ['', 'KTEN', 'TU', '', ''], // 8: no name
      ['Sở Trùng Mã', 'STP', 'TU', '', ''], // 9: duplicate code in the file
      ['Sở Tài khoản', 'STK', 'TU', '', 'ld.syt'], // 10: account of another unit
    ];
    const before = await registry(w);
    const refused = await upload(w.base, w.admin, csvOf(bad, ','), 'loi.csv');
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('bad_rows');
    expect(refused.body.problems.map((p: any) => [p.row, p.field, p.message])).toEqual([
      [3, 'parent', 'không có đơn vị cấp trên "Không Có Đơn Vị" (trong tệp hoặc đã có)'],
      [4, 'parent', 'vòng lặp cấp trên: Vòng Một → Vòng Hai → Vòng Một'],
      [5, 'parent', 'vòng lặp cấp trên: Vòng Một → Vòng Hai → Vòng Một'],
      [6, 'name', 'trùng tên "Sở Tư Pháp" với dòng 2 dưới cùng đơn vị cấp trên'],
      [7, 'websites', 'địa chỉ trang "mailto:x@y.vn" không phải địa chỉ web (http/https)'],
      [8, 'name', 'thiếu tên đơn vị'],
      [9, 'code', 'mã "STP" trùng với dòng 2'],
      [10, 'leadUsername', 'tài khoản "ld.syt" đã có và thuộc đơn vị "Sở Y tế"'],
    ]);
    expect(await registry(w)).toEqual(before);
    const skipped = await upload(w.base, w.admin, csvOf(bad, ','), 'loi.csv', '?skipBadRows=1');
    expect(skipped.status).toBe(200);
    expect(skipped.body.created.map((u: any) => u.id)).toEqual(['stp']);
    expect((await registry(w)).length).toBe(before.length + 1);
  });

  it('a file that is not a spreadsheet gets a 4xx and stores nothing', async () => {
    const before = await registry(w);
    const pdf = await upload(w.base, w.admin, '%PDF-1.7\n1 0 obj\n<<>>\nendobj\n', 'ke-hoach.pdf');
    expect(pdf.status).toBe(415);
    expect(pdf.body.error.message).toMatch(/không phải bảng tính/);
    const png = await upload(w.base, w.admin, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]), 'anh.png');
    expect(png.status).toBe(415);
    const fakeXlsx = await upload(w.base, w.admin, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'hong.xlsx');
    expect(fakeXlsx.status).toBe(415);
    const text = await upload(w.base, w.admin, 'Kính gửi các đồng chí,\nđây là một lá thư.\n', 'thu.txt');
    expect(text.status).toBe(422);
    expect(text.body.error.message).toMatch(/Tên đơn vị/);
    const json = await getJson(w.base, '/api/units/import', { method: 'POST', headers: { ...w.admin, 'content-type': 'application/json' }, body: '{}' });
    expect([400, 415]).toContain(json.status);
    const form = new FormData();
    form.append('fichier', new Blob(['Tên đơn vị\nSở A\n']), 'a.csv');
    const noFile = await getJson(w.base, '/api/units/import', { method: 'POST', headers: w.admin, body: form });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.message).toMatch(/^file: /);
    expect(await registry(w)).toEqual(before);
  });

  it('only an administrator imports or reads the registry', async () => {
    expect((await upload(w.base, {}, csvOf(SHEET, ';'), 'x.csv')).status).toBe(401);
    const staff = await getJson(w.base, '/api/users', {
      method: 'POST', headers: { ...w.admin, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'canbo', password: 'mat-khau-can-bo-1', role: 'staff' }),
    });
    expect(staff.status).toBe(201);
    const h = await signIn(w.base, 'canbo', 'mat-khau-can-bo-1');
    expect((await upload(w.base, h, csvOf(SHEET, ';'), 'x.csv')).status).toBe(403);
    expect((await getJson(w.base, '/api/units/registry', { headers: h })).status).toBe(403);
  });
});
