import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '@tdtt/server/main';
import { foldAccents } from '@tdtt/shared/text';
import { repoRoot, startTestServer, tempDir } from '../support';
import { seedSearchWorld } from '../integration/search/fixture';
import { chromiumAvailable, launchBrowser, saveScreenshot, signIn, type LaunchedBrowser } from './browser';

// In real Chromium: staff search without accents and see highlighted results linking to the post;
// a unit lead's results stay inside their subtree. Screenshots go to test-results/screenshots/.

const webDir = path.join(repoRoot, 'web/build');
const ready = chromiumAvailable() && existsSync(path.join(webDir, 'index.html'));
if (!ready) console.warn(`tests/e2e/search: skipped, needs /usr/bin/chromium and ${webDir} (npm run build -w @tdtt/web)`);
const shots = path.join(repoRoot, 'test-results/screenshots');
const fold = (s: string) => foldAccents(s.normalize('NFC')).toLowerCase();

describe.skipIf(!ready)('Tìm kiếm in the browser', () => {
  const tmp = tempDir('tdtt-e2e-search-');
  let server: Server;
  let browser: LaunchedBrowser | null = null;

  beforeAll(async () => {
    server = await startTestServer({ dataDir: tmp.dir, demo: false });
    await seedSearchWorld(server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    tmp.remove();
  });

  it('staff type "chuyen doi so" and get highlighted results that open the post', async () => {
    browser = await launchBrowser();
    const page = browser.page;
    await signIn(page, server.url, 'canbo', 'mat-khau-can-bo-1');
    await page.goto(`${server.url}/tim-kiem`);
    await page.getByTestId('search-input').fill('chuyen doi so');
    await page.getByTestId('search-submit').click();
    await page.getByTestId('search-hit').first().waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('chuyen doi so');
    const api = await page.evaluate(async () => (await fetch('/api/search?q=chuyen%20doi%20so')).json());
    await expect.poll(() => page.getByTestId('search-hit').count()).toBe(api.hits.length);
    expect(await page.getByTestId('search-total').textContent()).toContain(String(api.total));
    const marks = await page.getByTestId('search-mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) for (const w of fold(m).split(/[^\p{L}\p{N}]+/u).filter(Boolean)) expect(['chuyen', 'doi', 'so']).toContain(w);
    expect(marks.map(fold)).toContain('chuyen doi so');
    await saveScreenshot(page, shots, 'search-staff-desktop');
    const first = page.getByTestId('search-hit').first();
    const id = await first.getAttribute('data-post-id');
    await first.getByTestId('search-hit-link').click();
    await page.waitForURL((u) => u.pathname === `/bai-viet/${id}`);
    await browser.close();
    browser = null;
  });

  it('filters from the form (reposts only) and shows a Vietnamese message for bad input', async () => {
    browser = await launchBrowser({ viewport: 'phone' });
    const page = browser.page;
    await signIn(page, server.url, 'canbo', 'mat-khau-can-bo-1');
    await page.goto(`${server.url}/tim-kiem?q=${encodeURIComponent('chuyển đổi số')}`);
    await page.getByTestId('search-hit').first().waitFor();
    await page.getByTestId('search-kind').selectOption('repost');
    await page.getByTestId('search-submit').click();
    await page.waitForURL((u) => u.searchParams.get('kind') === 'repost');
    await expect.poll(() => page.getByTestId('search-hit').count()).toBe(1);
    await saveScreenshot(page, shots, 'search-staff-phone');
    await page.goto(`${server.url}/tim-kiem?q=${encodeURIComponent('"""')}`);
    await page.getByTestId('search-error').waitFor();
    expect(await page.getByTestId('search-error').textContent()).toMatch(/từ khóa/);
    await browser.close();
    browser = null;
  });

  it("a unit lead's results stay inside their subtree", async () => {
    browser = await launchBrowser();
    const page = browser.page;
    await signIn(page, server.url, 'ld-khoi-a', 'mat-khau-lanh-dao-1');
    await page.goto(`${server.url}/tim-kiem?q=${encodeURIComponent('chuyển đổi số')}`);
    await page.getByTestId('search-hit').first().waitFor();
    const units = await page.locator('[data-testid="search-hit"] .meta a[href^="/don-vi/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(units.length).toBeGreaterThan(0);
    for (const href of units) expect(['/don-vi/khoi-a', '/don-vi/cb-a1']).toContain(href);
    const options = await page.getByTestId('search-unit').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(options.sort()).toEqual(['cb-a1', 'khoi-a']);
    await saveScreenshot(page, shots, 'search-lead-desktop');
  });
});
