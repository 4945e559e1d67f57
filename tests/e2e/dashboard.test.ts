import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Server } from '@tdtt/server/main';
import { repoRoot, seededDemoServer } from '../support';
import type { Page } from 'playwright-core';
import { chromiumAvailable, launchBrowser, saveScreenshot, signIn, type LaunchedBrowser, type ViewportName } from './browser';

// In real Chromium against the seeded demo world and the built web app: the overview heatmap, a unit's
// evidence, a lead's subtree, and every dashboard page (themes, anniversaries, sources, alerts) at
// 1366×768 and 390×844, with screenshots in test-results/screenshots/.

const webDir = path.join(repoRoot, 'web/build');
const ready = chromiumAvailable() && existsSync(path.join(webDir, 'index.html'));
if (!ready) console.warn(`tests/e2e/dashboard: skipped, needs /usr/bin/chromium and ${webDir} (npm run build -w @tdtt/web)`);
const shots = path.join(repoRoot, 'test-results/screenshots');

/** After the page's requests settle (the header badge loads on its own), so the picture is complete. */
async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await saveScreenshot(page, shots, name);
}

describe.skipIf(!ready)('dashboard in the browser', () => {
  let server: Server;
  let remove: () => void;
  const browsers: LaunchedBrowser[] = [];
  const login = (role: 'admin' | 'staff' | 'lead') => server.demo!.logins.find((l) => l.role === role)!;
  async function open(viewport: ViewportName, role: 'admin' | 'staff' | 'lead') {
    const b = await launchBrowser({ viewport });
    browsers.push(b);
    const l = login(role);
    await signIn(b.page, server.url, l.username, l.password);
    return b.page;
  }

  beforeAll(async () => {
    ({ server, remove } = await seededDemoServer(inject('runDir')));
  }, 300_000);
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.close();
    remove?.();
  });

  it('staff sees a filled heatmap, opens a unit and a post with highlighted evidence', async () => {
    const page = await open('desktop', 'staff');
    await page.getByTestId('heatmap').waitFor();
    const counts = await page.getByTestId('heatmap-cell').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-count'))));
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(counts.length / 4);
    await shot(page, 'overview-staff-1366');
    // One level down: a block and its own sub-units, with the way back up.
    const top = await page.getByTestId('heatmap-row').evaluateAll((r) => r.map((x) => x.getAttribute('data-unit-id')!));
    const drill = page.getByTestId('heatmap-drill').first();
    const blockId = await drill.evaluate((a) => a.closest('tr')!.getAttribute('data-unit-id')!);
    await drill.click();
    await page.waitForURL((u) => u.searchParams.get('unit') === blockId);
    await page.getByTestId('level-path').waitFor();
    const below = await page.getByTestId('heatmap-row').evaluateAll((r) => r.map((x) => x.getAttribute('data-unit-id')!));
    const children = server.demo!.world.units.filter((u) => u.parentId === blockId).map((u) => u.id);
    expect(below[0]).toBe(blockId);
    expect(below.slice(1).sort()).toEqual(children.sort());
    expect(below).not.toEqual(top);
    await shot(page, 'overview-level-1366');
    await page.getByTestId('level-path').getByRole('link').first().click();
    await expect.poll(() => page.getByTestId('heatmap-row').evaluateAll((r) => r.map((x) => x.getAttribute('data-unit-id')!))).toEqual(top);
    await page.getByTestId('ranking-row').first().getByRole('link').first().click();
    await page.getByTestId('unit-score').waitFor();
    await page.getByTestId('post-link').first().click();
    await page.getByTestId('evidence-mark').first().waitFor();
    expect(await page.getByTestId('evidence-mark').count()).toBeGreaterThan(0);
    await shot(page, 'post-evidence-1366');
  }, 120_000);

  it('every chart has its table one click away (overview, unit, theme)', async () => {
    const page = await open('desktop', 'staff');
    /** Opens every chart card's table in turn and counts its body rows. */
    const tablesBehindCharts = async (ready: string): Promise<Record<string, number>> => {
      await page.getByTestId(ready).first().waitFor();
      const rows: Record<string, number> = {};
      for (const toggle of await page.locator('section.card button.toggle').all()) {
        const table = (await toggle.getAttribute('aria-controls'))!;
        await toggle.click();
        await page.getByTestId(table).waitFor();
        rows[table] = await page.getByTestId(table).locator('tbody tr').count();
      }
      return rows;
    };
    const overview = await tablesBehindCharts('heatmap');
    expect(Object.keys(overview).length).toBeGreaterThanOrEqual(3); // heatmap, ranking, trend
    const unit = server.demo!.world.units.find((u) => u.parentId === null)!.id;
    await page.goto(`${server.url}/don-vi/${encodeURIComponent(unit)}`);
    const unitTables = await tablesBehindCharts('unit-score');
    await page.goto(`${server.url}/chu-de`);
    await page.getByTestId('theme-row').first().getByRole('link').click();
    const theme = await tablesBehindCharts('theme-series-chart');
    for (const [name, n] of Object.entries({ ...overview, ...unitTables, ...theme })) expect(n, name).toBeGreaterThan(0);
    expect(Object.keys(unitTables).length + Object.keys(theme).length).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('a unit lead sees only their subtree', async () => {
    const lead = login('lead');
    const units = server.demo!.world.units;
    const subtree = new Set([lead.unitId!]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const u of units) if (u.parentId && subtree.has(u.parentId) && !subtree.has(u.id)) grew = subtree.add(u.id) !== null;
    }
    const page = await open('desktop', 'lead');
    await page.getByTestId('heatmap').waitFor();
    const rows = await page.getByTestId('heatmap-row').evaluateAll((r) => r.map((x) => x.getAttribute('data-unit-id')!));
    expect(rows).toContain(lead.unitId);
    expect(rows.every((id) => subtree.has(id))).toBe(true);
    await page.goto(`${server.url}/ky-niem`);
    await page.getByTestId('anniversary-matrix').waitFor();
    const names = await page.getByTestId('anniversary-matrix').locator('td.unit').allInnerTexts();
    const allowed = new Set(units.filter((u) => subtree.has(u.id)).map((u) => u.name));
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => allowed.has(n.trim()))).toBe(true);
    expect(await page.getByTestId('nav-sources').count()).toBe(0); // sources admin is for administrators
    await shot(page, 'anniversaries-lead-1366');
  }, 120_000);

  for (const viewport of ['desktop', 'phone'] as const) {
    const size = viewport === 'desktop' ? '1366' : '390';
    it(`every dashboard page renders (${viewport})`, async () => {
      const page = await open(viewport, 'admin');
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));

      await page.goto(`${server.url}/chu-de`);
      await page.getByTestId('theme-row').first().waitFor();
      const shares = await page.getByTestId('theme-row').evaluateAll((r) => r.map((x) => Number(x.getAttribute('data-share'))));
      expect(shares.some((s) => s > 0)).toBe(true);
      await shot(page, `themes-${size}`);

      await page.getByTestId('theme-row').first().getByRole('link').click();
      await page.getByTestId('theme-series-chart').locator('canvas').waitFor();
      expect(await page.locator('[data-testid="theme-unit"][data-covered="true"]').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('theme-post').count()).toBeGreaterThan(0);
      await shot(page, `theme-detail-${size}`);
      await page.getByTestId('theme-series-toggle').click();
      expect(await page.getByTestId('theme-series-table').locator('tbody tr').count()).toBeGreaterThan(0);

      await page.goto(`${server.url}/ky-niem`);
      await page.getByTestId('anniversary-calendar').waitFor();
      expect(await page.getByTestId('anniversary-row').count()).toBe(server.demo!.world.anniversaries.length);
      const statuses = await page.getByTestId('timeliness').evaluateAll((c) => c.map((x) => x.getAttribute('data-status')));
      expect(statuses).toContain('on-time');
      expect(await page.getByTestId('cal-event').count()).toBeGreaterThan(0);
      await shot(page, `anniversaries-${size}`);

      await page.goto(`${server.url}/nguon`);
      await page.getByTestId('source-card').first().waitFor();
      expect(await page.getByTestId('source-card').count()).toBeGreaterThan(10);
      const first = page.getByTestId('source-card').first();
      await first.getByTestId('source-test').click();
      await first.getByTestId('source-test-result').waitFor();
      expect(await first.getByTestId('source-test-result').getAttribute('data-ok')).toBe('true');
      await shot(page, `sources-${size}`);

      await page.goto(`${server.url}/canh-bao`);
      await page.getByTestId('page-title').waitFor();
      await page.locator('[data-testid="alert"], [data-testid="alerts-empty"]').first().waitFor();
      await shot(page, `alerts-${size}`);
      for (const nav of ['nav-overview', 'nav-plans', 'nav-themes', 'nav-anniversaries', 'nav-sources', 'nav-search', 'nav-jobs', 'nav-alerts']) {
        expect(await page.getByTestId(nav).count(), nav).toBe(1);
      }
      expect(errors).toEqual([]);
    }, 180_000);
  }

  it('acknowledging an alert lowers the badge on every page', async () => {
    const page = await open('desktop', 'staff');
    await page.goto(`${server.url}/canh-bao`);
    const alerts = page.getByTestId('alert');
    await page.locator('[data-testid="alert"], [data-testid="alerts-empty"]').first().waitFor();
    const n = await alerts.count();
    if (n === 0) {
      expect(await page.getByTestId('alert-badge').count()).toBe(0);
      return;
    }
    await expect.poll(() => page.getByTestId('alert-badge').innerText()).toBe(n > 99 ? '99+' : String(n));
    const acked = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/api/alerts/'));
    await alerts.first().getByTestId('alert-ack').click();
    expect((await acked).status()).toBe(200);
    await expect.poll(() => page.getByTestId('alert').count()).toBe(n - 1);
    await page.goto(`${server.url}/chu-de`);
    await page.getByTestId('theme-row').first().waitFor();
    await expect.poll(async () => ((await page.getByTestId('alert-badge').count()) ? await page.getByTestId('alert-badge').innerText() : '0')).toBe(String(n - 1));
  }, 120_000);
});
