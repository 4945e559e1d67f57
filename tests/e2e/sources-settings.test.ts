import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as q from '../../server/src/db/queries';
import type { Server } from '../../server/src/main';
import { startHostileServer, type HostileServer } from '../fixtures/hostile-server';
import { repoRoot, startTestServer, tempDir } from '../support';
import { chromiumAvailable, launchBrowser, saveScreenshot, signIn, type LaunchedBrowser } from './browser';

// /nguon in real Chromium: a Liferay section page added with no selector is read by its structure;
// the admin sees the suggested selector, takes it, tries an invalid one (refused, naming the field),
// tries the draft with "Tải thử" and saves it.

const webDir = path.join(repoRoot, 'web/build');
const ready = chromiumAvailable() && existsSync(path.join(webDir, 'index.html'));
if (!ready) console.warn(`tests/e2e/sources-settings: skipped, needs /usr/bin/chromium and ${webDir} (npm run build -w @tdtt/web)`);

const ADMIN = { username: 'admin', password: 'mat-khau-quan-tri' };

describe.skipIf(!ready)('source settings on /nguon', () => {
  const tmp = tempDir('tdtt-e2e-sources-');
  let server: Server;
  let site: HostileServer;
  let browser: LaunchedBrowser;
  let sourceId: number;

  beforeAll(async () => {
    site = await startHostileServer();
    server = await startTestServer({ dataDir: tmp.dir, demo: false, env: { ADMIN_USER: ADMIN.username, ADMIN_PASSWORD: ADMIN.password, ALLOW_PRIVATE_HOSTS: 'loopback' } });
    await q.upsertUnits(server.db, [{ id: 'so-vh', name: 'Sở Văn hóa', kind: 'so-nganh', parentId: null }]);
    sourceId = await q.insertSource(server.db, { unitId: 'so-vh', kind: 'listing', url: site.url('/web/sovanhoa/tin-tuc-su-kien') });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.close();
    tmp.remove();
  });

  it('suggests a selector, refuses an invalid one, tries the draft and saves it', async () => {
    const page = browser.page;
    await signIn(page, server.url, ADMIN.username, ADMIN.password);
    await page.goto(`${server.url}/nguon`);
    const card = page.locator(`#nguon-${sourceId}`);
    await card.getByTestId('source-test').click();
    await card.getByTestId('source-test-result').waitFor();
    expect(await card.getByTestId('source-test-result').innerText()).toContain('5 mục');
    const suggested = await card.getByTestId('source-suggested').locator('code').innerText();
    expect(suggested).toContain('asset-abstract');

    await card.getByTestId('source-settings-toggle').click();
    const form = card.getByTestId('source-settings');
    await form.getByTestId('settings-item').fill(':::');
    await form.getByTestId('settings-save').click();
    await form.getByTestId('settings-error').waitFor();
    expect(await form.getByTestId('settings-error').innerText()).toContain('listing.item');

    await form.getByTestId('settings-use-suggested').click();
    expect(await form.getByTestId('settings-item').inputValue()).toBe(suggested);
    await form.getByTestId('settings-test').click();
    await form.getByTestId('settings-test-result').waitFor();
    const tried = await form.getByTestId('settings-test-result').innerText();
    expect(tried).toContain('5 mục');
    expect(tried).toContain('theo bộ chọn');
    expect(tried).toContain('21/07/2022');
    expect((await q.getSource(server.db, sourceId))!.listing_json).toBeNull(); // tried, not saved

    await form.getByTestId('settings-save').click();
    await card.getByTestId('source-own-settings').waitFor();
    expect(JSON.parse((await q.getSource(server.db, sourceId))!.listing_json!)).toEqual({ item: suggested, next: null });
    await saveScreenshot(page, path.join(repoRoot, 'test-results/screenshots'), 'sources-settings');
  }, 120_000);
});
