import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Server } from '@tdtt/server/main';
import { repoRoot, seededDemoServer } from '../support';
import { chromiumAvailable, launchBrowser, saveScreenshot, signIn, type LaunchedBrowser } from './browser';

// In real Chromium on the demo world: a staff member rejects a theme match on a post and the
// unit's count for that theme drops on the unit page.

const webDir = path.join(repoRoot, 'web/build');
const ready = chromiumAvailable() && existsSync(path.join(webDir, 'index.html'));
if (!ready) console.warn(`tests/e2e/review: skipped, needs /usr/bin/chromium and ${webDir} (npm run build -w @tdtt/web)`);

describe.skipIf(!ready)('review in the browser', () => {
  let server: Server;
  let remove: () => void;
  let browser: LaunchedBrowser;
  let target: { unit_id: string; theme_id: string; month: string; own: number; plan_id: string; post_id: number };

  beforeAll(async () => {
    ({ server, remove } = await seededDemoServer(inject('runDir')));
    const version = (await server.db.one<{ value: string }>(`SELECT value FROM settings WHERE key = 'model_version'`))!.value;
    // A theme a unit covers with a few own posts in one month, and one of those posts.
    target = (await server.db.one(
      `WITH t AS (
         SELECT m.unit_id, m.theme_id, strftime(m.month, '%Y-%m') AS month, m.own, th.plan_id FROM coverage_monthly m JOIN themes th ON th.id = m.theme_id
         WHERE th.plan_id = $1 AND m.own BETWEEN 2 AND 5 AND m.repost = 0 ORDER BY m.month DESC, m.unit_id, m.theme_id LIMIT 1)
       SELECT t.*, (SELECT min(p.id) FROM posts p JOIN post_themes a ON a.post_id = p.id AND a.model_version = $2 AND a.theme_id = t.theme_id
                    WHERE p.unit_id = t.unit_id AND p.origin = 'collected' AND p.repost_of IS NULL AND strftime(p.published_day, '%Y-%m') = t.month) AS post_id
       FROM t`,
      [server.demo!.planIds.parent, version],
    ))!;
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    remove?.();
  });

  it('staff reject a match on a post and the unit count drops', async () => {
    const { page } = browser;
    const staff = server.demo!.logins.find((l) => l.role === 'staff')!;
    await signIn(page, server.url, staff.username, staff.password);
    const unitUrl = `${server.url}/don-vi/${encodeURIComponent(target.unit_id)}?plan=${encodeURIComponent(target.plan_id)}&month=${target.month}`;
    const themeRow = page.locator(`[data-testid="theme-covered"][data-theme-id="${target.theme_id}"]`);

    await page.goto(unitUrl);
    await themeRow.waitFor();
    expect(await themeRow.locator('.count').innerText()).toContain(`${target.own} gốc`);

    await page.goto(`${server.url}/bai-viet/${target.post_id}`);
    const match = page.locator(`[data-testid="post-match"][data-theme-id="${target.theme_id}"]`);
    await match.waitFor();
    await page.getByTestId('evidence-mark').first().waitFor();
    await match.getByTestId('match-reject').click();
    await page.getByTestId('review-message').waitFor();
    expect(await page.getByTestId('review-message').innerText()).toContain('Đã bác bỏ');
    await page.locator(`[data-testid="rejected-match"][data-theme-id="${target.theme_id}"]`).waitFor();
    expect(await match.count()).toBe(0);
    expect(await page.getByTestId('post-decision').first().innerText()).toContain('Bác bỏ');
    await saveScreenshot(page, path.join(repoRoot, 'test-results/screenshots'), 'review-post-rejected');

    await page.goto(unitUrl);
    await themeRow.waitFor();
    expect(await themeRow.locator('.count').innerText()).toContain(`${target.own - 1} gốc`);
    await saveScreenshot(page, path.join(repoRoot, 'test-results/screenshots'), 'review-unit-after');
  });

  it('staff have the review queue with retraining; a lead has the submission form and no queue', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/duyet`);
    await page.getByTestId('review-low').waitFor();
    expect(await page.getByTestId('review-low-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('model-version').innerText()).toBeTruthy();
    await saveScreenshot(page, path.join(repoRoot, 'test-results/screenshots'), 'review-queue');

    await page.context().clearCookies();
    const lead = server.demo!.logins.find((l) => l.role === 'lead')!;
    await signIn(page, server.url, lead.username, lead.password);
    await page.goto(`${server.url}/gui-minh-chung`);
    await page.getByTestId('submission-form').waitFor();
    expect(await page.getByTestId('submission-unit').count()).toBe(0);
    await saveScreenshot(page, path.join(repoRoot, 'test-results/screenshots'), 'review-submit-form');
    await page.goto(`${server.url}/duyet`);
    await page.getByTestId('error-403').waitFor();
  });
});
