import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Server } from '@tdtt/server/main';
import type { Page } from 'playwright-core';
import { repoRoot, seededDemoServer } from '../support';
import { chromiumAvailable, launchBrowser, saveScreenshot, signIn, type LaunchedBrowser, type ViewportName } from './browser';

// Issue 17, in real Chromium at 1366×768 and 390×844 on the seeded demo world: /tien-trinh and
// /canh-bao read as Vietnamese sentences with dd/mm/yyyy dates; on a phone every tab is reachable
// through the menu and wide tables scroll inside their card with the unit column fixed.

const webDir = path.join(repoRoot, 'web/build');
const ready = chromiumAvailable() && existsSync(path.join(webDir, 'index.html'));
if (!ready) console.warn(`tests/e2e/readable: skipped, needs /usr/bin/chromium and ${webDir}`);
const shots = path.join(repoRoot, 'test-results/screenshots');

/** Raw machine text that must never reach a person. */
const RAW = /\bfrom:|bỏ qua: true|\bindexed\b|\bskipped\b|\btrue\b|\bfalse\b|\d{4}-\d{2}-\d{2}/;

/** Words of table headers that the browser split across two lines. */
function brokenHeaderWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const th of document.querySelectorAll('table.data th')) {
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          const r = document.createRange();
          r.setStart(node, m.index!);
          r.setEnd(node, m.index! + m[0].length);
          const lines = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
          if (lines.size > 1) out.push(m[0]);
        }
      }
    }
    return out;
  });
}

describe.skipIf(!ready)('readable job runs, alerts and phone layout', () => {
  let server: Server;
  let remove: () => void;
  const browsers: LaunchedBrowser[] = [];
  async function open(viewport: ViewportName, role: 'admin' | 'staff') {
    const b = await launchBrowser({ viewport });
    browsers.push(b);
    const l = server.demo!.logins.find((x) => x.role === role)!;
    await signIn(b.page, server.url, l.username, l.password);
    return b.page;
  }

  beforeAll(async () => {
    ({ server, remove } = await seededDemoServer(inject('runDir')));
  }, 600_000);
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.close();
    remove?.();
  });

  it('the seed pipeline recorded progress for collect and rollup (done = total > 0)', async () => {
    const page = await open('desktop', 'staff');
    const jobs = (await (await page.request.get(`${server.url}/api/jobs`)).json()) as { recent: { job: string; status: string; done: number; total: number }[] };
    for (const job of ['collect', 'rollup']) {
      const run = jobs.recent.find((r) => r.job === job && r.status === 'ok');
      expect(run, job).toBeTruthy();
      expect(run!.total, job).toBeGreaterThan(0);
      expect(run!.done, job).toBe(run!.total);
    }
  }, 60_000);

  for (const viewport of ['desktop', 'phone'] as const) {
    const size = viewport === 'desktop' ? '1366' : '390';

    it(`/tien-trinh and /canh-bao speak Vietnamese (${viewport})`, async () => {
      const page = await open(viewport, 'staff');
      await page.goto(`${server.url}/tien-trinh`);
      await page.getByTestId('job-run').first().waitFor();
      // A run started now: the roll-up has nothing new, and says so in words.
      await page.getByTestId('run-rollup').click();
      await page.getByTestId('job-message').waitFor();
      await expect
        .poll(async () => (await page.getByTestId('job-run-stats').allInnerTexts()).join('\n'), { timeout: 30_000 })
        .toContain('không cần tính lại');
      const stats = await page.getByTestId('job-run-stats').allInnerTexts();
      expect(stats.some((s) => /^Thu thập [\d.]+ nguồn, [\d.]+ bài mới/.test(s))).toBe(true);
      expect(stats.some((s) => /^Phân loại [\d.]+ bài/.test(s))).toBe(true);
      const runs = await page.getByTestId('jobs-recent').innerText();
      expect(runs).not.toMatch(RAW);
      expect(runs).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      await saveScreenshot(page, shots, `jobs-readable-${size}`);

      await page.goto(`${server.url}/canh-bao?all=1`);
      await page.locator('[data-testid="alert"], [data-testid="alerts-empty"]').first().waitFor();
      const alerts = await page.getByTestId('main').innerText();
      expect(alerts).not.toMatch(RAW);
      if ((await page.getByTestId('alert').count()) > 0) expect(alerts).toMatch(/\d{2}\/\d{2}\/\d{4}|Chưa thu thập/);
      await saveScreenshot(page, shots, `alerts-readable-${size}`);
    }, 120_000);

    it(`tables sort by each column; the overview filters by kind of unit (${viewport})`, async () => {
      const page = await open(viewport, 'staff');
      const table = page.getByTestId('ranking-table');
      await table.waitFor();
      const column = async (i: number) => table.locator('tbody tr').evaluateAll((rows, i) => rows.map((r) => (r as HTMLTableRowElement).cells[i]!.textContent!.trim()), i);
      const num = (t: string) => (t === '—' ? -Infinity : Number(t.replace(/\./g, '').replace(',', '.').replace('−', '-')));
      const heads = table.locator('thead th.sortable');
      expect(await heads.count()).toBeGreaterThanOrEqual(3);
      // The name column: A→Z on the first click, Z→A on the second (Vietnamese order).
      await heads.first().click();
      expect(await heads.first().getAttribute('aria-sort')).toBe('ascending');
      const names = await column(0);
      const vi = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
      expect(names).toEqual([...names].sort(vi.compare));
      await heads.first().click();
      expect(await column(0)).toEqual([...names].reverse());
      // A figure column: largest first.
      await heads.nth(1).click();
      expect(await heads.nth(1).getAttribute('aria-sort')).toBe('descending');
      const figures = (await column(1)).map(num);
      expect(figures).toEqual([...figures].sort((a, b) => b - a));
      await saveScreenshot(page, shots, `ranking-sorted-${size}`);

      // Down one level (a bloc with sub-units of several kinds when there is one), then filter by kind.
      const filter = page.getByTestId('kind-filter');
      if ((await filter.count()) === 0) {
        await page.getByTestId('heatmap-drill').first().click();
        await page.getByTestId('level-path').waitFor();
      }
      await filter.waitFor();
      const chip = filter.locator('button[data-kind]').first();
      const kind = (await chip.getAttribute('data-kind'))!;
      const want = Number(/\((\d+)\)/.exec(await chip.innerText())![1]);
      await chip.click();
      await expect.poll(() => table.locator('tbody tr').count()).toBe(want);
      const ids = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit-id')!));
      const kinds = new Map(server.demo!.world.units.map((u) => [u.id, u.kind as string]));
      expect(ids.every((id) => kinds.get(id) === kind)).toBe(true);
      await saveScreenshot(page, shots, `overview-kind-filter-${size}`);
      await filter.locator('button').first().click();
      await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(want);
    }, 120_000);

    it(`opens on the last complete month and marks the running one (${viewport})`, async () => {
      const page = await open(viewport, 'staff');
      await page.getByTestId('ranking-table').waitFor();
      const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date()).map((x) => [x.type, x.value]));
      const current = `${p.year}-${p.month}`;
      const picker = page.getByTestId('month-picker');
      const chosen = await picker.inputValue();
      expect(chosen < current, `${chosen} before ${current}`).toBe(true);
      const label = await picker.locator(`option[value="${current}"]`).innerText();
      expect(label).toBe(`Tháng ${Number(p.month)}/${p.year} (đang diễn ra, đến ${p.day}/${p.month})`);
      // The trend marks it (hollow point, dashed line) and its table says so.
      const trend = page.getByTestId('trend-chart');
      expect(await trend.innerText()).toContain(`đang diễn ra, đến ${p.day}/${p.month}`);
      await trend.locator('button.toggle').click();
      const row = trend.locator(`tr[data-month="${current}"]`);
      expect(await row.getAttribute('data-running')).toBe('true');
      expect(await row.innerText()).toContain('đang diễn ra');
      await saveScreenshot(page, shots, `overview-running-month-${size}`);
      // Choosing the running month says so in the page's subtitle.
      await picker.selectOption(current);
      await page.waitForURL((u) => u.searchParams.get('month') === current);
      await expect.poll(() => page.getByTestId('main').innerText()).toContain(`(đang diễn ra, đến ${p.day}/${p.month})`);
    }, 120_000);

    it(`"Thêm chủ đề bị sót" offers themes grouped by the unit's plans (${viewport})`, async () => {
      const page = await open(viewport, 'staff');
      const row = await server.db.one<{ id: number }>(`SELECT id FROM posts ORDER BY id LIMIT 1`);
      await page.goto(`${server.url}/bai-viet/${row!.id}`);
      const select = page.getByTestId('add-theme-select');
      await select.waitFor();
      const groups = await select.locator('optgroup').evaluateAll((gs) => gs.map((g) => ({ plan: g.getAttribute('data-plan')!, label: g.getAttribute('label')!, n: g.querySelectorAll('option').length })));
      expect(groups.length).toBeGreaterThan(0);
      const view = (await (await page.request.get(`${server.url}/api/posts/${row!.id}`)).json()) as { themes: { id: string; plan: { id: string; code: string | null } }[] };
      expect(groups.map((g) => g.plan)).toEqual([...new Set(view.themes.map((t) => t.plan.id))]);
      for (const g of groups) {
        const code = view.themes.find((t) => t.plan.id === g.plan)!.plan.code;
        if (code) expect(g.label.startsWith(`${code} — `)).toBe(true);
        expect(g.n).toBeGreaterThan(0);
      }
      await saveScreenshot(page, shots, `add-theme-grouped-${size}`);
    }, 120_000);

    it(`every tab is reachable and tables fit (${viewport})`, async () => {
      const page = await open(viewport, 'admin');
      await page.getByTestId('ranking-table').waitFor();
      const nav = page.getByTestId('nav');
      const menu = page.getByTestId('nav-menu');
      if (viewport === 'phone') {
        expect(await nav.isVisible()).toBe(false);
        await menu.click();
        expect(await menu.getAttribute('aria-expanded')).toBe('true');
      } else {
        expect(await menu.isVisible()).toBe(false);
      }
      const links = nav.getByRole('link');
      const n = await links.count();
      expect(n).toBeGreaterThanOrEqual(8);
      const hidden = await links.evaluateAll((as) => as.filter((a) => (a as HTMLElement).offsetParent === null || a.getBoundingClientRect().width === 0).map((a) => a.textContent));
      expect(hidden).toEqual([]);
      if (viewport === 'phone') {
        await saveScreenshot(page, shots, 'nav-menu-open-390');
        await page.getByTestId('nav-search').click();
        await page.waitForURL((u) => u.pathname === '/tim-kiem');
        expect(await nav.isVisible()).toBe(false); // a navigation closes the menu
        await page.goto(server.url);
        await page.getByTestId('ranking-table').waitFor();
      }

      // The page itself never scrolls sideways; a wide table scrolls in its card.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport === 'phone' ? 390 : 1366);
      expect(await brokenHeaderWords(page)).toEqual([]);
      if (viewport === 'phone') {
        const table = page.getByTestId('ranking-table');
        const moved = await table.evaluate((t) => {
          let box: HTMLElement | null = t as HTMLElement;
          while (box && box.scrollWidth <= box.clientWidth) box = box.parentElement;
          if (!box || box === document.documentElement || box === document.body) return null;
          const cell = t.querySelector('tbody tr td') as HTMLElement;
          const before = cell.getBoundingClientRect().left;
          const second = cell.nextElementSibling as HTMLElement;
          const secondBefore = second.getBoundingClientRect().left;
          box.scrollLeft = 150;
          return { scrolled: box.scrollLeft, nameShift: cell.getBoundingClientRect().left - before, nextShift: second.getBoundingClientRect().left - secondBefore };
        });
        expect(moved, 'the ranking is wider than a phone and scrolls inside its card').not.toBeNull();
        expect(moved!.scrolled).toBeGreaterThan(0);
        expect(moved!.nameShift).toBe(0); // the unit name stays
        expect(moved!.nextShift).toBeLessThan(0); // the figures move under it
        await saveScreenshot(page, shots, 'ranking-scrolled-390');
      }
      for (const route of ['/tien-trinh', '/chu-de', '/ky-niem']) {
        await page.goto(`${server.url}${route}`);
        await page.getByTestId('main').waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate(() => document.documentElement.scrollWidth), route).toBeLessThanOrEqual(viewport === 'phone' ? 390 : 1366);
        expect(await brokenHeaderWords(page), route).toEqual([]);
      }
    }, 120_000);
  }
});
