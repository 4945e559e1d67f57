import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '@tdtt/server/main';
import { importPlanText } from '../../server/src/runtime/plans';
import { benchPlanText } from '../bench/generate-db/plan-text';
import { chromiumAvailable, launchBrowser, type LaunchedBrowser } from '../e2e/browser';
import { getJson, repoRoot, startTestServer, tempDir } from './../support';
import { signedIn } from './export/auth';
import { seedWorld } from './export/seed';
import { loadWorkbook, sheetGrid, type ApiCoverage } from './export/sheets';

// The printable report page and the export button in real Chromium: A4 landscape without cut
// columns (60 themes), the download a user gets from the button.

if (!chromiumAvailable()) console.warn('export-report: skipped, /usr/bin/chromium is missing (apt-get install chromium)');
const ARTEFACTS = path.join(repoRoot, 'test-results', 'export-report');
// A4 landscape minus the page's 10 mm margins, in CSS pixels (96 per inch).
const PRINT_WIDTH = Math.floor(((297 - 20) / 25.4) * 96);

let tmp: ReturnType<typeof tempDir>;
let server: Server;
let browser: LaunchedBrowser;
let headers: Record<string, string>;
let widePlan: string;

describe.skipIf(!chromiumAvailable())('report page and export button', () => {
  beforeAll(async () => {
    tmp = tempDir('tdtt-export-web-');
    server = await startTestServer({ dataDir: tmp.dir, demo: false });
    await seedWorld(server.db);
    const wide = await importPlanText(server.db, benchPlanText(), { unitIds: ['tinh'] });
    if (!wide.ok) throw new Error(wide.message);
    widePlan = wide.planId;
    headers = await signedIn(server.db, server.url, 'canbo', 'staff');
    browser = await launchBrowser();
    const cookies = headers.cookie!.split('; ').map((c) => {
      const i = c.indexOf('=');
      return { name: c.slice(0, i), value: c.slice(i + 1), url: server.url };
    });
    await browser.context.addCookies(cookies);
    mkdirSync(ARTEFACTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    tmp?.remove();
  });

  it('shows the month’s table with the coverage API’s units and prints 60 themes on A4 landscape without cut columns', async () => {
    const { page } = browser;
    const api = (await getJson<ApiCoverage>(server.url, '/api/coverage?month=2025-03', { headers })).body;
    await page.goto(`${server.url}/bao-cao?month=2025-03`);
    await page.getByTestId('report').waitFor();
    expect(await page.getByTestId('page-title').textContent()).toBe('Tháng 3/2025');
    const names = await page.locator('[data-testid=report-scores] tbody tr:not(.sum) td.name').allTextContents();
    expect(names.map((n) => n.trim())).toEqual(api.units.map((u) => u.name));

    const wide = (await getJson<ApiCoverage>(server.url, `/api/coverage?plan=${widePlan}&month=2025-09`, { headers })).body;
    expect(wide.themes.length).toBe(60);
    await page.goto(`${server.url}/bao-cao?plan=${widePlan}&month=2025-09`);
    await page.getByTestId('report').waitFor();
    await page.setViewportSize({ width: PRINT_WIDTH, height: 700 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('report-toolbar').isVisible()).toBe(false);
    expect(await page.getByTestId('report-block').count()).toBe(5);
    // Run in the page (a string, as tests compile without the DOM library).
    const overflow = (await page.evaluate(`({
      doc: document.documentElement.scrollWidth,
      tables: [...document.querySelectorAll('table')].map((t) => t.getBoundingClientRect().right),
      // Cells whose content does not fit (cut or spilling over the neighbour when printed).
      cut: [...document.querySelectorAll('td, th')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent),
    })`)) as { doc: number; tables: number[]; cut: string[] };
    expect(overflow.cut).toEqual([]);
    expect(overflow.doc).toBeLessThanOrEqual(PRINT_WIDTH);
    for (const right of overflow.tables) expect(right).toBeLessThanOrEqual(PRINT_WIDTH);
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(path.join(ARTEFACTS, 'bao-cao-a4-ngang.pdf'), pdf);
    await page.screenshot({ path: path.join(ARTEFACTS, 'bao-cao-in.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('downloads the XLSX from the export button under its Vietnamese name', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/bao-cao?month=2025-03&unit=so-tt`);
    await page.getByTestId('report').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(download.suggestedFilename()).toBe('Bảng bao phủ - 77-KH-BTG - 2025-03.xlsx');
    const file = path.join(ARTEFACTS, 'bang-bao-phu.xlsx');
    await download.saveAs(file);
    const wb = await loadWorkbook(readFileSync(file));
    const names = sheetGrid(wb.worksheets[0]!).slice(6, -1).map((r) => r[1]);
    expect(names).toEqual(['Sở Thông tin và Truyền thông', 'Trung tâm Chuyển đổi số', 'Đài "Tiếng nói" Hòa Bình Xanh, phát thanh']);
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('Đã tải');
  });
});
