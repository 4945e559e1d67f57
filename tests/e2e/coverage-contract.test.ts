// Issue 16: the same number means the same thing on every screen and in every file. For a unit with
// sub-units (Sở TT&TT) and one without (Trung tâm Chuyển đổi số), real Chromium reads the own score,
// subtree score, covered counts and both ranks from the overview, the unit page, the theme page and
// the print report, and the XLSX and CSV are read back: each figure, found by its label, must agree
// with the others and with what the coverage API's own scores imply. Then a theme needing two posts:
// every surface marks the same cells covered.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CoverageResponse } from '@tdtt/shared';
import type { Server } from '@tdtt/server/main';
import * as q from '@tdtt/server/db/queries';
import { runRollup } from '../../server/src/runtime/rollup';
import { signedIn } from '../integration/export/auth';
import { MODEL, seedWorld, type SeededWorld } from '../integration/export/seed';
import { loadWorkbook, parseCsv, sheetGrid, type Grid } from '../integration/export/sheets';
import { getJson, repoRoot, startTestServer, tempDir } from '../support';
import { chromiumAvailable, launchBrowser, type LaunchedBrowser } from './browser';

const ready = chromiumAvailable() && existsSync(path.join(repoRoot, 'web/build/index.html'));
if (!ready) console.warn('coverage-contract: skipped, needs /usr/bin/chromium and web/build (npm run build -w @tdtt/web)');

const WITH_SUBUNITS = 'so-tt'; // Sở TT&TT: Trung tâm Chuyển đổi số and Đài … under it
const LEAF = 'tt-cds';

/** What a surface shows for a unit; undefined: the surface does not show that figure. */
interface Seen {
  unitScore: number;
  unitCovered: string;
  subtreeScore: number | null;
  subtreeUnits: number | null;
  subtreeCovered: string | null;
  provinceRank: number;
  scopeRank?: number | null;
}

const vi = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

/** Header label → cell text of one row of an HTML table (the last header row names the columns). */
async function htmlRow(page: Page, table: string, match: { unitId?: string; name?: string }): Promise<Record<string, string>> {
  const row = (await page.evaluate(`(() => {
    const t = document.querySelector(${JSON.stringify(table)});
    if (!t) return null;
    const heads = [...[...t.tHead.rows].at(-1).cells];
    const rows = [...t.tBodies[0].rows];
    const row = rows.find((r) => ${JSON.stringify(match.unitId ?? null)} !== null
      ? r.dataset.unitId === ${JSON.stringify(match.unitId ?? null)}
      : [...r.cells].some((c) => c.classList.contains('name') && c.textContent.trim() === ${JSON.stringify(match.name ?? null)}));
    if (!row) return null;
    const offset = row.cells.length - heads.length;
    return Object.fromEntries(heads.map((h, i) => [h.textContent.replace(/\\s+/g, ' ').trim(), row.cells[offset + i].textContent.replace(/\\s+/g, ' ').trim()]));
  })()`)) as Record<string, string> | null;
  expect(row, `${table} ${JSON.stringify(match)}`).not.toBeNull();
  return row!;
}

/** A page table's figures by their labels (FigureHeads/FigureCells on the overview and theme pages). */
function fromPageRow(r: Record<string, string>): Seen {
  const sub = r['Điểm cả cụm'];
  const shown = sub !== undefined && sub !== '—';
  return {
    unitScore: vi(r['Điểm đơn vị']!),
    unitCovered: r['Chủ đề có bài (đơn vị)']!,
    subtreeScore: shown ? vi(sub.replace(/\s*\(.*$/, '')) : null,
    subtreeUnits: shown ? Number(/TB (\d+) đơn vị/.exec(sub)![1]) : null,
    subtreeCovered: shown ? r['Lượt chủ đề có bài (cả cụm)']! : null,
    provinceRank: vi(r['Hạng trong toàn tỉnh']!),
    scopeRank: vi(r['Hạng trong cụm']!),
  };
}

/** A row of the export's table (XLSX, CSV, print report) by its header labels; `num` reads a cell. */
function fromTableRow(r: Record<string, string | number | null>, num: (v: string | number) => number): Seen {
  const n = (label: string) => {
    const v = r[label];
    return v === null || v === undefined || v === '' ? null : num(v);
  };
  const units = n('Số đơn vị trong cụm');
  return {
    unitScore: n('Điểm đơn vị')!,
    unitCovered: `${n('Chủ đề có bài (đơn vị)')}/${n('Chủ đề áp dụng')}`,
    subtreeScore: n('Điểm cả cụm'),
    subtreeUnits: units,
    subtreeCovered: units === null ? null : `${n('Lượt chủ đề có bài (cả cụm)')}/${n('Lượt chủ đề áp dụng (cả cụm)')}`,
    provinceRank: n('Hạng trong toàn tỉnh')!,
    scopeRank: n('Hạng trong cụm'),
  };
}

/** Header row 5 (index 4) names the columns of the XLSX/CSV table; the unit's row found by its name. */
function gridRow(grid: Grid | string[][], name: string): Record<string, string | number | null> {
  const heads = grid[4]!;
  const row = grid.slice(6).find((r) => r[1] === name);
  expect(row, name).toBeDefined();
  return Object.fromEntries(heads.map((h, i) => [String(h ?? ''), row![i] ?? null]));
}

describe.skipIf(!ready)('one coverage contract across pages and files', () => {
  const tmp = tempDir('tdtt-contract-');
  let server: Server;
  let world: SeededWorld;
  let staff: Record<string, string>;
  let browser: LaunchedBrowser;
  let month: string;
  /** The theme needing two posts, and a unit without sub-units with exactly one post on it in `month`. */
  let twoPostTheme: string;
  let onePostUnit: string;
  let names: Map<string, string>;

  const api = async <T>(p: string): Promise<T> => {
    const { status, body } = await getJson<T>(server.url, p, { headers: staff });
    expect(status, p).toBe(200);
    return body;
  };
  const download = async (qs: string) => Buffer.from(await (await fetch(`${server.url}/api/export/coverage?${qs}`, { headers: staff })).arrayBuffer());
  const monthRange = (m: string) => {
    const [y, mo] = m.split('-').map(Number) as [number, number];
    return `from=${m}-01&to=${m}-${String(new Date(Date.UTC(y, mo, 0)).getUTCDate()).padStart(2, '0')}`;
  };

  beforeAll(async () => {
    server = await startTestServer({ dataDir: tmp.dir, demo: false });
    world = await seedWorld(server.db);
    staff = await signedIn(server.db, server.url, 'canbo', 'staff');
    twoPostTheme = world.themeIds[3]!;
    expect(world.rules.get(twoPostTheme)!.minMatches).toBe(2);
    // A month where that theme is active and a leaf unit has exactly one post on it (one more post
    // written through the real queries and roll-up where needed).
    const months = (await api<CoverageResponse>('/api/coverage')).months;
    for (const m of months) {
      const cov = await api<CoverageResponse>(`/api/coverage?month=${m}`);
      const j = cov.themes.findIndex((t) => t.id === twoPostTheme);
      if (j < 0) continue;
      const leaves = cov.units.filter((u) => ['tt-cds', 'dai', 'truong'].includes(u.id));
      const one = leaves.find((u) => u.counts[j]!.own + u.counts[j]!.repost === 1);
      const none = leaves.find((u) => u.counts[j]!.own + u.counts[j]!.repost === 0);
      if (!one && !none) continue;
      month = m;
      onePostUnit = (one ?? none)!.id;
      if (!one) {
        const url = `https://${onePostUnit}.example.vn/tin-tuc/mot-bai-${m}`;
        const at = `${m}-15T02:00:00Z`;
        await server.db.transaction((tx) =>
          q.insertPosts(tx, [{ sourceId: 1, unitId: onePostUnit, url, canonicalUrl: url, guid: null, title: 'Một bài', text: `Một bài ${m}.`, publishedAt: at, firstSeenAt: at, flags: [], contentHash: `mot-bai-${m}`, simhash: 'ff00ff00ff00ff00' }]),
        );
        const [id] = await q.postIdsByCanonicalUrl(server.db, [url]);
        await server.db.transaction((tx) => q.saveMatches(tx, MODEL, [{ postId: id!, matches: [{ themeId: twoPostTheme, score: 0.9, evidence: [] }] }]));
        await runRollup(server.db, null, new Date('2025-06-20T00:00:00Z'));
      }
      break;
    }
    expect(month).toBeDefined();
    names = new Map((await api<CoverageResponse>(`/api/coverage?month=${month}`)).units.map((u) => [u.id, u.name]));
    browser = await launchBrowser();
    await browser.context.addCookies(
      staff.cookie!.split('; ').map((c) => ({ name: c.slice(0, c.indexOf('=')), value: c.slice(c.indexOf('=') + 1), url: server.url })),
    );
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    tmp.remove();
  });

  /** What the coverage API's own scores imply: the subtree's mean, covered sums, competition ranks. */
  async function expected(unitId: string, scopeRoot: string): Promise<Seen> {
    const { units } = await api<CoverageResponse>(`/api/coverage?month=${month}`);
    const under = (root: string) => {
      const ids = new Set([root]);
      for (const u of units) if (u.parentId !== null && ids.has(u.parentId)) ids.add(u.id);
      return units.filter((u) => ids.has(u.id));
    };
    const me = units.find((u) => u.id === unitId)!;
    const members = under(unitId);
    const mean = (xs: number[]) => Math.round((10 * xs.reduce((a, b) => a + b, 0)) / xs.length) / 10;
    const sub = members.length > 1;
    return {
      unitScore: me.score,
      unitCovered: `${me.coveredCount}/${me.activeCount}`,
      subtreeScore: sub ? mean(members.map((u) => u.score)) : null,
      subtreeUnits: sub ? members.length : null,
      subtreeCovered: sub ? `${members.reduce((a, u) => a + u.coveredCount, 0)}/${members.reduce((a, u) => a + u.activeCount, 0)}` : null,
      provinceRank: 1 + units.filter((u) => u.score > me.score).length,
      scopeRank: 1 + under(scopeRoot).filter((u) => u.score > me.score).length,
    };
  }

  async function goto(p: string, testid: string) {
    await browser.page.goto(`${server.url}${p}`);
    await browser.page.getByTestId(testid).first().waitFor({ timeout: 10_000 }).catch(async (err: unknown) => {
      throw new Error(`${p}: ${String(err)}\n${await browser.page.locator('main').textContent()}`);
    });
  }

  /** The unit page's tiles: "Điểm đơn vị", "Điểm cả cụm (TB n đơn vị)", "Hạng trong toàn tỉnh". */
  async function unitPage(unitId: string): Promise<Seen> {
    await goto(`/don-vi/${unitId}?plan=${encodeURIComponent(world.planId)}&month=${month}`, 'unit-figures');
    const tiles = (await browser.page.evaluate(`[...document.querySelectorAll('[data-testid=unit-figures] .tile')].map((t) => ({
      k: t.querySelector('.k').textContent.trim(), v: t.querySelector('.v').textContent.trim(), s: t.querySelector('.s')?.textContent.trim() ?? null,
    }))`)) as { k: string; v: string; s: string | null }[];
    const tile = (re: RegExp) => tiles.find((t) => re.test(t.k));
    const own = tile(/^Điểm đơn vị$/)!;
    const sub = tile(/^Điểm cả cụm \(TB \d+ đơn vị\)$/);
    return {
      unitScore: vi(own.v),
      unitCovered: own.s!.replace(/ chủ đề có bài$/, ''),
      subtreeScore: sub ? vi(sub.v) : null,
      subtreeUnits: sub ? Number(/TB (\d+)/.exec(sub.k)![1]) : null,
      subtreeCovered: sub ? sub.s!.replace(/ lượt chủ đề có bài$/, '') : null,
      provinceRank: vi(tile(/^Hạng trong toàn tỉnh$/)!.v),
    };
  }

  for (const [unitId, level] of [
    [WITH_SUBUNITS, null],
    [LEAF, WITH_SUBUNITS],
  ] as const) {
    it(`${unitId}: score, covered count and ranks agree label by label on every page and file`, async () => {
      // The level the unit appears on: the top (scope: the province's units) or its parent's cụm.
      const scopeRoot = level ?? 'tinh';
      const want = await expected(unitId, scopeRoot);
      const unitQs = level ? `&unit=${level}` : '';
      const name = names.get(unitId)!;
      const seen: Record<string, Seen> = {};

      await goto(`/?plan=${encodeURIComponent(world.planId)}&month=${month}${unitQs}`, 'ranking-row');
      seen.overview = fromPageRow(await htmlRow(browser.page, '[data-testid=ranking-table]', { unitId }));
      seen['unit page'] = await unitPage(unitId);
      await goto(`/chu-de/${twoPostTheme}?month=${month}${unitQs}`, 'theme-unit');
      seen['theme page'] = fromPageRow(await htmlRow(browser.page, '[data-testid=theme-units] table', { unitId }));
      await goto(`/bao-cao?plan=${encodeURIComponent(world.planId)}&month=${month}${unitQs}`, 'report-scores');
      seen['print report'] = fromTableRow(await htmlRow(browser.page, '[data-testid=report-scores]', { name }), (v) => vi(String(v)));
      const xlsx = sheetGrid((await loadWorkbook(await download(`plan=${world.planId}&month=${month}${unitQs}&format=xlsx`))).worksheets[0]!);
      seen.XLSX = fromTableRow(gridRow(xlsx, name), Number);
      const csv = parseCsv((await download(`plan=${world.planId}&month=${month}${unitQs}&format=csv`)).toString('utf8'));
      seen.CSV = fromTableRow(gridRow(csv, name), Number);

      for (const [surface, s] of Object.entries(seen)) {
        // The unit page shows the province-wide rank only (it has no cụm of its own).
        const w = surface === 'unit page' ? { ...want, scopeRank: undefined } : want;
        expect(s, `${unitId} on the ${surface}`).toEqual(w);
      }
      if (unitId === WITH_SUBUNITS) expect(want.subtreeUnits).toBe(3);
      else expect(want.subtreeScore).toBeNull();
    });
  }

  it('a theme needing two posts: every surface marks the same cells covered', async () => {
    const cov = await api<CoverageResponse>(`/api/coverage?month=${month}`);
    const j = cov.themes.findIndex((t) => t.id === twoPostTheme);
    const covered = (unitId: string) => cov.units.find((u) => u.id === unitId)!.counts.map((c) => c.covered);
    const one = cov.units.find((u) => u.id === onePostUnit)!.counts[j]!;
    expect(one.own + one.repost).toBe(1);
    expect(one.covered).toBe(false); // one post, two needed
    // Every cell with one post is covered exactly when its theme needs one (the minimum is the theme's).
    for (const u of cov.units)
      u.counts.forEach((c, k) => {
        if (c.own + c.repost === 1) expect(c.covered, `${u.id} × ${cov.themes[k]!.id}`).toBe(world.rules.get(cov.themes[k]!.id)!.minMatches <= 1);
      });

    const parent = cov.units.find((u) => u.id === onePostUnit)!.parentId!;
    const leaves = cov.units.filter((u) => u.parentId === parent).map((u) => u.id);
    const themes = cov.themes.map((t) => t.id);

    // Unit page: the covered list.
    for (const unitId of leaves) {
      await goto(`/don-vi/${unitId}?plan=${encodeURIComponent(world.planId)}&month=${month}`, 'unit-themes');
      const ids = (await browser.page.evaluate(`[...document.querySelectorAll('[data-testid=theme-covered]')].map((li) => li.dataset.themeId)`)) as string[];
      expect(themes.map((t) => ids.includes(t)), `unit page ${unitId}`).toEqual(covered(unitId));
    }
    // Overview heatmap one level down: each leaf row's cells.
    await goto(`/?plan=${encodeURIComponent(world.planId)}&month=${month}&unit=${parent}`, 'heatmap-row');
    const heat = (await browser.page.evaluate(`Object.fromEntries([...document.querySelectorAll('[data-testid=heatmap-row]')].map((r) => [r.dataset.unitId,
      [...r.querySelectorAll('[data-testid=heatmap-cell]')].map((c) => c.dataset.covered === 'true')]))`)) as Record<string, boolean[]>;
    for (const unitId of leaves) expect(heat[unitId], `heatmap ${unitId}`).toEqual(covered(unitId));
    // The parent's row is its cụm: covered when every unit of it covered the theme (the overview API says which).
    const overview = await api<{ rows: { id: string; counts: { covered: boolean; coveredUnits: number }[] }[] }>(`/api/overview?plan=${world.planId}&month=${month}&unit=${parent}`);
    const cum = overview.rows.find((r) => r.id === parent)!;
    expect(heat[parent], 'heatmap cụm').toEqual(cum.counts.map((c) => c.covered));
    expect(cum.counts.map((c) => c.covered)).toEqual(themes.map((_, k) => cov.units.filter((u) => u.id === parent || u.parentId === parent).every((u) => u.counts[k]!.covered)));
    // Theme page over the month's days: the two-post theme's rows (leaves and the cụm).
    await goto(`/chu-de/${twoPostTheme}?${monthRange(month)}&unit=${parent}`, 'theme-unit');
    const themeRows = (await browser.page.evaluate(`Object.fromEntries([...document.querySelectorAll('[data-testid=theme-unit]')].map((r) => [r.dataset.unitId, r.dataset.covered === 'true']))`)) as Record<string, boolean>;
    for (const unitId of leaves) expect(themeRows[unitId], `theme page ${unitId}`).toBe(covered(unitId)[j]);
    expect(themeRows[parent], 'theme page cụm').toBe(cum.counts[j]!.covered);
    // Print report and XLSX of the cụm: every unit's cells.
    await goto(`/bao-cao?plan=${encodeURIComponent(world.planId)}&month=${month}&unit=${parent}`, 'report-block');
    const printed = (await browser.page.evaluate(`Object.fromEntries([...document.querySelectorAll('[data-testid=report-block] tbody tr')].map((r) => [r.querySelector('td.name').textContent.trim(),
      [...r.querySelectorAll('td[data-theme-id]')].map((c) => c.dataset.covered === 'true')]))`)) as Record<string, boolean[]>;
    const sheet = (await loadWorkbook(await download(`plan=${world.planId}&month=${month}&unit=${parent}&format=xlsx`))).worksheets[0]!;
    const grid = sheetGrid(sheet);
    const fill = (r: number, c: number) => (sheet.getRow(r).getCell(c).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;
    for (const unitId of [parent, ...leaves]) {
      const name = names.get(unitId)!;
      expect(printed[name], `print report ${unitId}`).toEqual(covered(unitId));
      const r = grid.findIndex((row) => row[1] === name) + 1;
      expect(themes.map((_, k) => fill(r, 3 + 2 * k) === 'FFCFE2F3'), `XLSX ${unitId}`).toEqual(covered(unitId));
    }
  });
});
