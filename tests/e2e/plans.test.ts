// In real Chromium against the real server (built web app): an administrator pastes a real plan,
// reviews it beside its source, edits a keyphrase and the title, saves, assigns it to a unit,
// and finds it in the list and on its detail page. Screenshots at desktop and phone sizes.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, repoRoot, signIn as apiSignIn, startTestServer, tempDir } from '@tdtt/tests/support';
import type { Server } from '@tdtt/server/main';
import * as q from '../../server/src/db/queries';
import { toDocx } from '../integration/plan-api-support';
import { havePlans, readPlan } from '../integration/plan-expect';
import { chromiumAvailable, launchBrowser, saveScreenshot, signIn, type LaunchedBrowser } from './browser';

const webDir = path.join(repoRoot, 'web/build');
const ready = chromiumAvailable() && existsSync(path.join(webDir, 'index.html')) && havePlans;
if (!ready) console.warn(`tests/e2e/plans: skipped, needs /usr/bin/chromium, ${webDir} (npm run build -w @tdtt/web) and ../shared/plans`);

const shots = path.join(repoRoot, 'test-results/screenshots');
const ADMIN = { user: 'quantri-e2e', password: 'mat-khau-e2e-quan-tri' };
const UNITS = [
  { id: 'tinh', name: 'Tỉnh ủy Thử Nghiệm', kind: 'tinh-uy', parentId: null },
  { id: 'khoi', name: 'Đảng ủy Khối cơ quan và doanh nghiệp', kind: 'dang-uy-khoi', parentId: 'tinh' },
  { id: 'so-1', name: 'Sở Thông tin và Truyền thông', kind: 'so', parentId: 'khoi' },
  { id: 'so-2', name: 'Sở Văn hóa và Thể thao', kind: 'so', parentId: 'khoi' },
  { id: 'huyen', name: 'Huyện ủy Hòa Sơn', kind: 'huyen-uy', parentId: 'tinh' },
];

describe.skipIf(!ready)('plans in the browser', () => {
  const tmp = tempDir('tdtt-e2e-plans-');
  let server: Server;
  let browser: LaunchedBrowser;
  let planId = '';

  beforeAll(async () => {
    server = await startTestServer({ dataDir: tmp.dir, demo: false, env: { ADMIN_USER: ADMIN.user, ADMIN_PASSWORD: ADMIN.password } });
    await q.upsertUnits(server.db, UNITS);
    await q.recomputeHierarchy(server.db);
    browser = await launchBrowser();
    await signIn(browser.page, server.url, ADMIN.user, ADMIN.password);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    tmp.remove();
  });

  it('paste → review beside the source → edit → save → detail', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/ke-hoach`);
    await page.getByTestId('plans-empty').waitFor();
    await page.getByTestId('plan-import-link').click();
    await page.waitForURL(/\/ke-hoach\/nhap$/);
    await page.getByTestId('plan-text').fill(readPlan('002'));
    await page.getByTestId('plan-text-preview').click();
    await page.getByTestId('review-save').waitFor();
    expect(await page.getByTestId('review-summary').textContent()).toContain('10-KH/ĐUK');
    await page.getByTestId('not-understood-empty').waitFor(); // the list is shown, empty for this plan
    expect(await page.getByTestId('review-flag').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('review-phase').count()).toBe(3);
    expect(await page.getByTestId('plan-source').textContent()).toContain('124-HD/BTGTU');
    await saveScreenshot(page, shots, 'plans-review-desktop');

    await page.getByTestId('field-title').fill('Tuyên truyền các chủ đề lớn đến Đại hội XIV (đã rà soát)');
    const keyphrases = page.getByTestId('theme-keyphrases').first();
    await keyphrases.fill('niềm tin mới, khí thế mới\nkhát vọng phát triển');
    await keyphrases.blur();
    await page.getByTestId('review-save').click();
    await page.waitForURL(/\/ke-hoach\/kh-[^/?]+\?luu=1$/);
    planId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.getByTestId('plan-saved').waitFor();
    expect(await page.getByTestId('plan-title').textContent()).toContain('(đã rà soát)');
    expect(await page.getByTestId('timeline-phase').count()).toBe(3);
    expect(await page.getByTestId('plan-anniversary').count()).toBe(10);
    expect(await page.getByTestId('theme-keyphrase-list').first().textContent()).toContain('khát vọng phát triển');

    const admin = await apiSignIn(server.url, ADMIN.user, ADMIN.password);
    const stored = await getJson(server.url, `/api/plans/${planId}`, { headers: admin });
    expect(stored.body.plan.phases[0].themes[0].keyphrases).toEqual(['niềm tin mới, khí thế mới', 'khát vọng phát triển']);
  });

  it('assigns the plan to a unit (its sub-units follow) and lists it with its units', async () => {
    const { page } = browser;
    const khoi = page.locator('[data-testid="assign-unit"][data-unit-id="khoi"] input');
    await khoi.check();
    await page.getByTestId('assign-message').waitFor();
    const sub = page.locator('[data-testid="assign-unit"][data-unit-id="so-1"] input');
    await expect.poll(() => sub.isChecked()).toBe(true);
    expect(await sub.isDisabled()).toBe(true);
    expect(await page.locator('[data-testid="assign-unit"][data-unit-id="huyen"] input').isChecked()).toBe(false);
    await saveScreenshot(page, shots, 'plans-detail-desktop');

    await page.goto(`${server.url}/ke-hoach`);
    const item = page.locator(`[data-testid="plan-item"][data-plan-id="${planId}"]`);
    await item.waitFor();
    expect(await item.getByTestId('plan-units').textContent()).toContain('Đảng ủy Khối cơ quan và doanh nghiệp');
    await saveScreenshot(page, shots, 'plans-list-desktop');

    // The named events table: an administrator adds the provincial congress plan 002 names.
    await page.getByTestId('named-events-link').click();
    await page.getByTestId('named-event').first().waitFor();
    const before = await page.getByTestId('named-event').count();
    await page.getByTestId('event-add').click();
    const row = page.getByTestId('named-event').nth(before);
    await row.getByTestId('event-name').fill('Đại hội XXI Đảng bộ tỉnh');
    await row.getByTestId('event-date').fill('2025-10-14');
    await page.getByTestId('events-save').click();
    await page.getByTestId('events-message').waitFor();
    expect(await page.getByTestId('events-message').textContent()).toContain('Đã lưu');
    await saveScreenshot(page, shots, 'plans-named-events-desktop');
    const admin = await apiSignIn(server.url, ADMIN.user, ADMIN.password);
    const events = (await getJson(server.url, '/api/named-events', { headers: admin })).body;
    expect(events.defaults).toBe(false);
    expect(events.events.at(-1)).toMatchObject({ name: 'Đại hội XXI Đảng bộ tỉnh', date: '2025-10-14', aliases: ['Đại hội XXI Đảng bộ tỉnh'] });
  });

  it('reads on a phone', async () => {
    const phone = await launchBrowser({ viewport: 'phone' });
    try {
      await signIn(phone.page, server.url, ADMIN.user, ADMIN.password);
      // Upload: a Word file is read for review; a news text is refused with a message, nothing stored.
      await phone.page.goto(`${server.url}/ke-hoach/nhap`);
      await phone.page.getByTestId('plan-file').setInputFiles({ name: 'tin.txt', mimeType: 'text/plain', buffer: Buffer.from('Khai mạc hội chợ thương mại.\nHội chợ kéo dài đến hết ngày 18/10.') });
      await phone.page.getByTestId('plan-file-preview').click();
      expect(await phone.page.getByTestId('plan-input-error').textContent()).toMatch(/kế hoạch/i);
      await phone.page.getByTestId('plan-file').setInputFiles({ name: '004.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(await toDocx(readPlan('004'))) });
      expect(await phone.page.getByTestId('plan-file-name').textContent()).toBe('004.docx');
      await phone.page.getByTestId('plan-file-preview').click();
      await phone.page.getByTestId('review-save').waitFor();
      expect(await phone.page.getByTestId('review-summary').textContent()).toContain('15 nội dung');
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await saveScreenshot(phone.page, shots, 'plans-upload-review-phone');
      await phone.page.goto(`${server.url}/ke-hoach`);
      await phone.page.getByTestId('plan-item').first().waitFor();
      await saveScreenshot(phone.page, shots, 'plans-list-phone');
      await phone.page.goto(`${server.url}/ke-hoach/${planId}`);
      await phone.page.getByTestId('phase-timeline').waitFor();
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await saveScreenshot(phone.page, shots, 'plans-detail-phone');
      await phone.page.goto(`${server.url}/ke-hoach/${planId}/sua`);
      await phone.page.getByTestId('review-save').waitFor();
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await saveScreenshot(phone.page, shots, 'plans-review-phone');
    } finally {
      await phone.close();
    }
  });
});
