import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '@tdtt/server/main';
import { getJson, startTestServer, tempDir } from './../support';
import { signedIn } from './export/auth';
import { seedWorld, type SeededWorld } from './export/seed';
import { combineMonths, competitionRanks, loadWorkbook, parseCsv, sheetGrid, themeHeader, type ApiCoverage, type Grid } from './export/sheets';

// Exports read back (exceljs, csv-parse) must hold exactly what the coverage API returns for the same filters.

const tmp = tempDir('tdtt-export-');
let server: Server;
let world: SeededWorld;
let staff: Record<string, string>;
let lead: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({ dataDir: tmp.dir, demo: false });
  world = await seedWorld(server.db);
  staff = await signedIn(server.db, server.url, 'canbo', 'staff');
  lead = await signedIn(server.db, server.url, 'truongtt', 'lead', 'so-tt');
}, 120_000);

afterAll(async () => {
  await server?.close();
  tmp.remove();
});

async function download(qs: string, headers = staff) {
  const res = await fetch(`${server.url}/api/export/coverage?${qs}`, { headers });
  return { res, buf: Buffer.from(await res.arrayBuffer()) };
}

async function coverage(qs: string, headers = staff): Promise<ApiCoverage> {
  const { status, body } = await getJson<ApiCoverage>(server.url, `/api/coverage?${qs}`, { headers });
  expect(status).toBe(200);
  return body;
}

const fmt = (n: number, decimals = 0) => (decimals ? n.toFixed(decimals) : String(n));

type ApiUnit = ApiCoverage['units'][number];

/** The members of a unit's subtree among `all` (parent links). */
function membersOf(u: ApiUnit, all: ApiUnit[]): ApiUnit[] {
  const ids = new Set([u.id]);
  for (const x of all) if (x.parentId !== null && ids.has(x.parentId)) ids.add(x.id); // hierarchy order: parents first
  return all.filter((x) => ids.has(x.id));
}

/**
 * Every data cell of the table against the API rows; `text` for CSV (numbers as shown). `all`: every
 * accountable unit (the province-wide rank and the subtrees); the exported rows are the scope.
 */
function expectTable(grid: Grid, api: ApiCoverage, text: boolean, outline?: string[], all: ApiUnit[] = api.units) {
  const v = (n: number, d = 0) => (text ? fmt(n, d) : n);
  const blank = text ? '' : null;
  const S = 2 + 2 * api.themes.length;
  expect(grid[3]!.slice(0, 2)).toEqual(['STT', 'Đơn vị']);
  expect(grid[4]!.slice(S)).toEqual([
    'Số bài', 'Điểm đơn vị', 'Chủ đề có bài (đơn vị)', 'Chủ đề áp dụng', 'Điểm cả cụm', 'Số đơn vị trong cụm',
    'Lượt chủ đề có bài (cả cụm)', 'Lượt chủ đề áp dụng (cả cụm)', 'Hạng trong toàn tỉnh', 'Hạng trong cụm',
  ]);
  api.themes.forEach((t, i) => {
    expect(grid[4]![2 + 2 * i], 'theme header').toBe(themeHeader(t));
    expect(grid[5]!.slice(2 + 2 * i, 4 + 2 * i)).toEqual(['Tự viết', 'Đăng lại']);
    if (i === 0 || api.themes[i - 1]!.phaseLabel !== t.phaseLabel) expect(grid[3]![2 + 2 * i]).toBe(t.phaseLabel);
  });
  const scopeRanks = competitionRanks(api.units.map((u) => u.score));
  api.units.forEach((u, i) => {
    const row = grid[6 + i]!;
    if (outline) expect(row[0]).toBe(outline[i]);
    expect(row[1], `row ${i}`).toBe(u.name);
    u.counts.forEach((c, j) => {
      expect(row[2 + 2 * j], `${u.id} ${api.themes[j]!.id} own`).toBe(v(c.own));
      expect(row[3 + 2 * j], `${u.id} ${api.themes[j]!.id} repost`).toBe(v(c.repost));
    });
    const members = membersOf(all.find((x) => x.id === u.id)!, all);
    const subtree = members.length > 1
      ? [v(mean(members.map((m) => m.score)), 1), v(members.length), v(members.reduce((a, m) => a + m.coveredCount, 0)), v(members.reduce((a, m) => a + m.activeCount, 0))]
      : [blank, blank, blank, blank];
    const provinceRank = 1 + all.filter((x) => x.score > u.score).length;
    expect(row.slice(S), u.id).toEqual([v(u.postCount), v(u.score, 1), v(u.coveredCount), v(u.activeCount), ...subtree, v(provinceRank), v(scopeRanks[i]!)]);
  });
  const totals = grid[6 + api.units.length]!;
  api.themes.forEach((_, j) => {
    expect(totals[2 + 2 * j]).toBe(v(api.units.reduce((a, u) => a + u.counts[j]!.own, 0)));
    expect(totals[3 + 2 * j]).toBe(v(api.units.reduce((a, u) => a + u.counts[j]!.repost, 0)));
  });
  expect(totals[S]).toBe(v(api.units.reduce((a, u) => a + u.postCount, 0)));
  expect(totals[S + 1]).toBe(v(mean(api.units.map((u) => u.score)), 1));
  expect(grid.length).toBe(7 + api.units.length);
}

const vnText = (d: { buf: Buffer }) => d.buf.toString('utf8');

const mean = (xs: number[]) => Math.round((10 * xs.reduce((a, b) => a + b, 0)) / xs.length) / 10;

async function bothFormats(qs: string, headers = staff) {
  const x = await download(`${qs}&format=xlsx`, headers);
  const c = await download(`${qs}&format=csv`, headers);
  expect(x.res.status).toBe(200);
  expect(c.res.status).toBe(200);
  const wb = await loadWorkbook(x.buf);
  return { wb, xlsx: sheetGrid(wb.worksheets[0]!), csv: parseCsv(c.buf.toString('utf8')), csvBytes: c.buf, xlsxRes: x.res, csvRes: c.res };
}

describe('coverage export (seeded world)', () => {
  it('holds exactly the coverage API rows, every month, in XLSX and CSV', async () => {
    const first = await coverage('');
    expect(first.months.length).toBeGreaterThanOrEqual(6);
    let nonZero = 0;
    for (const month of first.months) {
      const api = await coverage(`month=${month}`);
      const { xlsx, csv } = await bothFormats(`month=${month}`);
      expectTable(xlsx, api, false, ['1', '1.1', '1.1.1', '1.2', '1.2.1', '1.2.2']);
      expectTable(csv, api, true);
      nonZero += api.units.reduce((a, u) => a + u.counts.reduce((b, c) => b + c.own + c.repost, 0), 0);
    }
    expect(nonZero).toBeGreaterThan(20);
  });

  it('defaults to the plan and month the coverage API defaults to', async () => {
    const api = await coverage('');
    const { xlsx, xlsxRes } = await bothFormats('');
    expectTable(xlsx, api, false);
    const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(xlsxRes.headers.get('content-disposition')!)![1]!);
    expect(name).toBe(`Bảng bao phủ - ${api.plan.code!.replace(/\//g, '-')} - ${api.month}.xlsx`);
  });

  it('scores a quarter, a year and a day range by the same rules over the summed months', async () => {
    const plan = (await getJson(server.url, `/api/plans/${world.planId}`, { headers: staff })).body.plan as { phases: { themes: { id: string }[] }[] };
    const order = plan.phases.flatMap((p) => p.themes.map((t) => t.id));
    for (const [qs, months] of [
      ['quarter=2025-Q1', ['2025-01', '2025-02', '2025-03']],
      ['quarter=2025-Q2', ['2025-04', '2025-05', '2025-06']],
      ['year=2025', ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']],
      ['from=2025-02-01&to=2025-04-30', ['2025-02', '2025-03', '2025-04']],
    ] as const) {
      const monthly = await Promise.all(months.map((m) => coverage(`month=${m}`)));
      const expected = combineMonths(monthly, order, world.rules);
      const { xlsx, csv } = await bothFormats(qs);
      expectTable(xlsx, expected, false);
      expectTable(csv, expected, true);
    }
  });

  it('lists the posts that counted: per unit and theme they add up to the table cells', async () => {
    for (const qs of ['month=2025-03', 'quarter=2025-Q2']) {
      const { wb, xlsx } = await bothFormats(qs);
      const posts = wb.getWorksheet('Bài được tính')!;
      const rows = sheetGrid(posts).slice(1);
      expect(rows.length).toBeGreaterThan(5);
      const themes = (xlsx[4]!.slice(2).filter((c, i) => i % 2 === 0 && c !== null) as string[]).slice(0, -5).map((t) => t.replace(/ \(trọng tâm\)$/, ''));
      const unitRows = xlsx.slice(6, -1);
      for (const row of unitRows) {
        themes.forEach((title, j) => {
          const mine = rows.filter((p) => p[1] === row[1] && String(p[5]).split('; ').includes(title));
          expect(mine.filter((p) => p[6] === 'Tự viết').length, `${row[1]} ${title}`).toBe(row[2 + 2 * j]);
          expect(mine.filter((p) => p[6] === 'Đăng lại').length, `${row[1]} ${title}`).toBe(row[3 + 2 * j]);
        });
      }
      const link = posts.getRow(2).getCell(5);
      expect((link.value as { hyperlink: string }).hyperlink).toMatch(/^https:\/\/[a-z-]+\.example\.vn\/tin-tuc\/bai-\d+\?a=1&b=2$/);
      expect(posts.getRow(2).getCell(3).numFmt).toBe('dd/mm/yyyy');
    }
  });

  it('gives the same posts list as CSV with sheet=posts', async () => {
    const { wb } = await bothFormats('quarter=2025-Q1&unit=so-tt');
    const sheet = sheetGrid(wb.getWorksheet('Bài được tính')!);
    const { res, buf } = await download('quarter=2025-Q1&unit=so-tt&format=csv&sheet=posts');
    expect(res.status).toBe(200);
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition')!)![1]!)).toBe('Bài được tính - 77-KH-BTG - 2025-Q1.csv');
    const csv = parseCsv(buf.toString('utf8'));
    expect(csv.length).toBe(sheet.length);
    expect(csv.length).toBeGreaterThan(10);
    const viDay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    sheet.forEach((row, i) => {
      const want = i === 0 ? row.map(String) : row.map((c, j) => (j === 2 ? viDay(String(c)) : String(c)));
      expect(csv[i], `row ${i}`).toEqual(want);
    });
    expect(new Set(csv.slice(1).map((r) => r[1]))).toEqual(new Set(['Sở Thông tin và Truyền thông', 'Trung tâm Chuyển đổi số', 'Đài "Tiếng nói" Hòa Bình Xanh, phát thanh']));
  });

  it('writes a legend with the period, plan, score definition and collection time', async () => {
    const { wb } = await bothFormats('quarter=2025-Q1');
    const legend = sheetGrid(wb.getWorksheet('Chú giải')!);
    const fact = (k: string) => legend.find((r) => r[0] === k)?.[1];
    expect(fact('Kỳ báo cáo')).toBe('Quý I/2025 (01/01/2025 – 31/03/2025)');
    expect(fact('Kế hoạch')).toContain('77-KH/BTG');
    expect(fact('Dữ liệu thu thập lúc')).toBe('19/06/2025 17:30 (GMT+7)');
    const start = legend.findIndex((r) => r[0] === 'Cách tính điểm');
    const definition = legend.slice(start, start + 6).map((r) => r[1]).join(' ');
    expect(definition).toMatch(/chủ đề trọng tâm hệ số 2, chủ đề khác hệ số 1/);
    expect(definition).toMatch(/quý, năm, khoảng ngày/);
    expect(legend.filter((r) => typeof r[0] === 'number').length).toBe(5);
  });

  it('looks like an office file: frozen headers, widths, number formats, fills; CSV with BOM and CRLF', async () => {
    const { wb, csvBytes, csvRes, xlsxRes } = await bothFormats('month=2025-03');
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Bảng bao phủ');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 6 });
    expect(ws.getColumn(2).width).toBeGreaterThan(30);
    const S = ws.columnCount - 9; // 1-based: the first summary column ('Số bài')
    expect(ws.getRow(7).getCell(S + 1).numFmt).toBe('0.0');
    expect(ws.getRow(7).getCell(S + 4).numFmt).toBe('0.0');
    expect(ws.getRow(7).getCell(3).numFmt).toBe('0');
    expect(ws.getRow(9).getCell(2).alignment?.indent).toBe(2);
    // Theme cells filled as the API marks them covered (blue) or not (orange): no rule of their own
    // (tests/e2e/coverage-contract.test.ts: a minimum of two posts on every surface).
    for (const month of (await coverage('')).months) {
      const api = await coverage(`month=${month}`);
      const sheet = (await loadWorkbook((await download(`month=${month}&format=xlsx`)).buf)).worksheets[0]!;
      const fill = (r: number, c: number) => (sheet.getRow(r).getCell(c).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;
      api.units.forEach((u, i) =>
        u.counts.forEach((cell, j) => {
          const want = cell.covered ? 'FFCFE2F3' : 'FFFCE4CC';
          expect([fill(7 + i, 3 + 2 * j), fill(7 + i, 4 + 2 * j)], `${month} ${u.id} × ${api.themes[j]!.id}`).toEqual([want, want]);
        }),
      );
    }
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csvBytes.toString('utf8');
    expect(text.split('\r\n').length).toBe(text.split('\n').length);
    expect(text).toContain('"Đài ""Tiếng nói"" Hòa Bình Xanh, phát thanh"');
    expect(csvRes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(xlsxRes.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsxRes.headers.get('content-disposition')).toMatch(/^attachment; filename="Bang_bao_phu_-_77-KH-BTG_-_2025-03\.xlsx"; filename\*=UTF-8''B%E1%BA%A3ng%20bao%20ph%E1%BB%A7/);
  });

  it('offers a Vietnamese-Excel CSV (format=csv-vn): semicolons, decimal commas, BOM; same cells as the standard CSV', async () => {
    for (const qs of ['month=2025-03', 'quarter=2025-Q1&unit=so-tt&sheet=posts']) {
      const std = await download(`${qs}&format=csv`);
      const vn = await download(`${qs}&format=csv-vn`);
      expect(vn.res.status, qs).toBe(200);
      expect(vn.res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect([...vn.buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(vn.res.headers.get('content-disposition')!)![1]!);
      expect(name, qs).toMatch(/ \(Excel VN\)\.csv$/);
      const text = vn.buf.toString('utf8');
      expect(text.split('\r\n')[0]).toContain(';');
      const want = parseCsv(std.buf.toString('utf8'));
      const got = parseCsv(text, ';');
      expect(got.length, qs).toBe(want.length);
      // Every cell the same, decimals written with a comma: "62.5" in one is "62,5" in the other
      // (column 0 holds the outline numbers "1.1", text in both).
      want.forEach((row, i) => expect(got[i], `${qs} row ${i}`).toEqual(row.map((c, j) => (j > 0 && /^-?\d+\.\d+$/.test(c) ? c.replace('.', ',') : c))));
      if (!qs.includes('posts')) expect(got.flat().some((c) => /^\d+,\d$/.test(c)), 'a score with a decimal comma').toBe(true);
    }
    // A text holding the separator is quoted, so the columns stay where they are.
    expect(vnText(await download('month=2025-03&format=csv-vn'))).toContain('"Đài ""Tiếng nói"" Hòa Bình Xanh, phát thanh"');
  });

  it('exports a subtree with unit=, rows and depths relative to its root', async () => {
    const api = await coverage('month=2025-03');
    const sub = { ...api, units: api.units.filter((u) => ['so-tt', 'tt-cds', 'dai'].includes(u.id)) };
    const { xlsx, csv, wb } = await bothFormats('month=2025-03&unit=so-tt');
    expectTable(xlsx, sub, false, ['1', '1.1', '1.2'], api.units);
    expectTable(csv, sub, true, ['1', '1.1', '1.2'], api.units);
    expect(wb.worksheets[0]!.getRow(7).getCell(2).alignment?.indent ?? 0).toBe(0);
    expect(wb.worksheets[0]!.getRow(8).getCell(2).alignment?.indent).toBe(1);
  });

  it('lets a unit lead export only their own subtree', async () => {
    const api = await coverage('month=2025-03', lead);
    expect(api.units.map((u) => u.id)).toEqual(['so-tt', 'tt-cds', 'dai']);
    const { xlsx } = await bothFormats('month=2025-03', lead);
    expectTable(xlsx, api, false, ['1', '1.1', '1.2'], (await coverage('month=2025-03')).units);
    expect((await download('month=2025-03&unit=tt-cds', lead)).res.status).toBe(200);
    const outside = await download('month=2025-03&unit=so-gd', lead);
    expect(outside.res.status).toBe(403);
    expect(JSON.parse(outside.buf.toString()).error.code).toBe('forbidden');
  });

  it('answers bad requests with a clear 4xx naming the field', async () => {
    const cases: [string, number, RegExp][] = [
      ['plan=khong-co', 404, /kế hoạch/],
      ['month=2025-13', 400, /^month:/],
      ['from=2025-03-10&to=2025-02-01', 400, /^to:.*trước ngày bắt đầu/],
      ['from=2025-03-10', 400, /^to:/],
      ['from=2025-02-30&to=2025-03-01', 400, /^from:/],
      ['month=2025-03&quarter=2025-Q1', 400, /^quarter:/],
      ['quarter=2025-Q5', 400, /^quarter:/],
      ['year=25', 400, /^year:/],
      ['format=pdf', 400, /^format:/],
      ['format=csv&sheet=all', 400, /^sheet:/],
      ['unit=khong-co', 404, /đơn vị/],
    ];
    for (const [qs, status, message] of cases) {
      const { res, buf } = await download(qs);
      expect(res.status, qs).toBe(status);
      expect(JSON.parse(buf.toString()).error.message, qs).toMatch(message);
    }
    expect((await download('month=2025-03', {})).res.status).toBe(401);
  });

  it('is documented in the OpenAPI document', async () => {
    const { body } = await getJson(server.url, '/api/openapi.json', { headers: staff });
    const params = body.paths['/api/export/coverage'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['plan', 'month', 'quarter', 'year', 'from', 'to', 'unit', 'format']));
  });

  it('writes every export to the audit log', async () => {
    const count = async () => (await server.db.one<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'export.coverage'`))!.n;
    const before = await count();
    await download('quarter=2025-Q1&format=csv&unit=so-gd');
    expect(await count()).toBe(before + 1);
    const row = await server.db.one<{ username: string; target: string; detail_json: string }>(
      `SELECT username, target, detail_json FROM audit_log WHERE action = 'export.coverage' ORDER BY id DESC LIMIT 1`,
    );
    expect(row!.username).toBe('canbo');
    expect(row!.target).toBe(world.planId);
    expect(JSON.parse(row!.detail_json)).toMatchObject({ format: 'csv', period: '2025-Q1', unit: 'so-gd' });
  });

  it('writes titles a spreadsheet would run as formulas as text: CSV prefixed with \' and quoted, XLSX as a text cell', async () => {
    const hostile = ['=HYPERLINK("http://x.invalid","Bấm")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1'];
    const before = sheetGrid((await bothFormats('quarter=2025-Q1&unit=so-tt')).wb.getWorksheet('Bài được tính')!);
    const titles = before.slice(1, 1 + hostile.length).map((r) => String(r[3]));
    const ids = await server.db.all<{ id: string; title: string }>(`SELECT id, title FROM posts WHERE title IN (SELECT unnest(from_json($1, '["VARCHAR"]')))`, [JSON.stringify(titles)]);
    expect(ids.length).toBeGreaterThanOrEqual(hostile.length);
    const renamed = new Map<string, string>();
    for (const [i, title] of titles.entries()) {
      const row = ids.find((r) => r.title === title)!;
      await server.db.run(`UPDATE posts SET title = $2 WHERE id = $1`, [row.id, hostile[i]!]);
      renamed.set(row.id, title);
    }
    try {
      const { wb, csvBytes } = await bothFormats('quarter=2025-Q1&unit=so-tt&sheet=posts');
      const ws = wb.getWorksheet('Bài được tính')!;
      const text = (await download('quarter=2025-Q1&unit=so-tt&format=csv&sheet=posts')).buf.toString('utf8');
      for (const h of hostile) {
        expect(text).toContain(`"'${h.replace(/"/g, '""')}"`);
        expect(text).not.toMatch(new RegExp(`(^|,)${h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
      }
      const parsed = parseCsv(text);
      expect(parsed.slice(1).map((r) => r[3])).toEqual(expect.arrayContaining(hostile.map((h) => `'${h}`)));
      const cells = ws.getColumn(4).values.filter((v): v is string => typeof v === 'string');
      // XML turns a carriage return into a line feed when read back; the cell is still text, not a formula.
      for (const h of hostile) expect(cells).toContain(h.replace(/\r/g, '\n'));
      expect(csvBytes.length).toBeGreaterThan(0);
    } finally {
      for (const [id, title] of renamed) await server.db.run(`UPDATE posts SET title = $2 WHERE id = $1`, [id, title]);
    }
  });
});
