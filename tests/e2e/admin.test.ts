import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/src/auth';
import * as q from '../../server/src/db/queries';
import type { Server } from '../../server/src/main';
import { getJson, repoRoot, startTestServer, tempDir } from '../support';
import { chromiumAvailable, launchBrowser, saveScreenshot, signIn, type LaunchedBrowser } from './browser';

// In real Chromium against the real server and built web app: an admin manages accounts in
// /quan-tri/nguoi-dung, the changes take effect at sign-in, /quan-tri/nhat-ky shows them,
// and a staff member gets the no-access page.

const webDir = path.join(repoRoot, 'web/build');
const ready = chromiumAvailable() && existsSync(path.join(webDir, 'index.html'));
if (!ready) console.warn(`tests/e2e/admin: skipped, needs /usr/bin/chromium and ${webDir} (npm run build -w @tdtt/web)`);

const SHOTS = path.join(repoRoot, 'test-results/screenshots');
const ADMIN = { username: 'admin', password: 'mat-khau-quan-tri' };
const LEAD = { username: 'ld.khoi-a', password: 'mat-khau-lanh-dao', name: 'Nguyễn Văn Lãnh Đạo' };
const STAFF = { username: 'canbo.thu', password: 'mat-khau-can-bo', newPassword: 'mat-khau-moi-can-bo' };

describe.skipIf(!ready)('admin pages in the browser', () => {
  const tmp = tempDir('tdtt-e2e-admin-');
  let server: Server;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    server = await startTestServer({ dataDir: tmp.dir, demo: false, env: { ADMIN_USER: ADMIN.username, ADMIN_PASSWORD: ADMIN.password } });
    await q.upsertUnits(server.db, [
      { id: 'khoi-a', name: 'Khối Alpha', kind: 'dang-uy-khoi', parentId: null },
      { id: 'khoi-b', name: 'Khối Beta', kind: 'dang-uy-khoi', parentId: null },
    ]);
    await createAccount(server.db, { username: STAFF.username, displayName: 'Cán bộ Thử', password: STAFF.password, role: 'staff', unitId: null });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    tmp.remove();
  });

  const as = async (user: { username: string; password: string }) => {
    await browser.context.clearCookies();
    await signIn(browser.page, server.url, user.username, user.password);
  };
  const row = (username: string) => browser.page.locator(`[data-testid="user-row"][data-username="${username}"]`);

  it('lets an admin create a lead for a unit, who can then sign in', async () => {
    const { page } = browser;
    await as(ADMIN);
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('user-create-form').waitFor();
    expect(await row(ADMIN.username).count()).toBe(1);

    await page.getByTestId('new-username').fill(LEAD.username);
    await page.getByTestId('new-display-name').fill(LEAD.name);
    await page.getByTestId('new-role').selectOption('lead');
    await page.getByTestId('new-unit').selectOption({ label: 'Khối Alpha' });
    await page.getByTestId('new-password').fill(LEAD.password);
    await page.getByTestId('user-create-submit').click();
    await expect.poll(() => page.getByTestId('admin-message').textContent()).toContain(LEAD.username);
    const created = await row(LEAD.username).innerText();
    expect(created).toContain(LEAD.name);
    expect(created).toContain('Lãnh đạo đơn vị');
    expect(created).toContain('Khối Alpha');
    expect(await row(LEAD.username).getByTestId('user-state').innerText()).toBe('Đang hoạt động');

    // The API's refusal reaches the admin in words.
    await page.getByTestId('new-username').fill(LEAD.username);
    await page.getByTestId('new-role').selectOption('staff');
    await page.getByTestId('new-password').fill('mat-khau-khac-1');
    await page.getByTestId('user-create-submit').click();
    await expect.poll(() => page.getByTestId('admin-error').textContent()).toContain('đã có');
    await saveScreenshot(page, SHOTS, 'admin-users');

    await as(LEAD);
    expect(await page.getByTestId('nav-my-unit').getAttribute('href')).toBe('/don-vi/khoi-a');
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
  });

  it('lets an admin disable the lead, who can no longer sign in', async () => {
    const { page } = browser;
    await as(ADMIN);
    await page.goto(`${server.url}/quan-tri/nguoi-dung`);
    await row(LEAD.username).getByTestId('user-toggle').click();
    await expect.poll(() => row(LEAD.username).getByTestId('user-state').innerText()).toBe('Đã khóa');
    expect(await row(LEAD.username).getByTestId('user-toggle').innerText()).toBe('Mở khóa');

    await browser.context.clearCookies();
    await page.goto(`${server.url}/dang-nhap`);
    await page.getByTestId('login-username').fill(LEAD.username);
    await page.getByTestId('login-password').fill(LEAD.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    expect(await page.getByTestId('login-error').innerText()).toMatch(/khóa/i);
    // Refused because the account is locked, not because of the password.
    const res = await getJson(server.url, '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: LEAD.username, password: LEAD.password }),
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('account_disabled');
  });

  it('lets an admin move a user to another role and unit and reset their password', async () => {
    const { page } = browser;
    await as(ADMIN);
    await page.goto(`${server.url}/quan-tri/nguoi-dung`);
    await row(STAFF.username).getByTestId('user-edit').click();
    await page.getByTestId('edit-display-name').fill('Cán bộ Đổi Tên');
    await page.getByTestId('edit-role').selectOption('lead');
    await page.getByTestId('edit-unit').selectOption({ label: 'Khối Beta' });
    await page.getByTestId('user-save').click();
    await expect.poll(() => row(STAFF.username).getByTestId('user-role-cell').innerText()).toBe('Lãnh đạo đơn vị');
    expect(await row(STAFF.username).innerText()).toContain('Cán bộ Đổi Tên');
    expect(await row(STAFF.username).innerText()).toContain('Khối Beta');
    // Back to staff, without a unit, as the last test expects.
    await page.getByTestId('edit-role').selectOption('staff');
    await page.getByTestId('edit-unit').selectOption({ label: '— Không —' });
    await page.getByTestId('user-save').click();
    await expect.poll(() => row(STAFF.username).getByTestId('user-role-cell').innerText()).toBe('Cán bộ Ban Tuyên giáo');

    await page.getByTestId('reset-password').fill(STAFF.newPassword);
    await page.getByTestId('user-reset-submit').click();
    await expect.poll(() => page.getByTestId('admin-message').textContent()).toContain('Đã đặt lại mật khẩu');
    expect((await getJson(server.url, '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: STAFF.username, password: STAFF.password }) })).status).toBe(401);
  });

  it('lists those actions in the audit log, filterable by action', async () => {
    const { page } = browser;
    await as(ADMIN);
    await page.goto(`${server.url}/quan-tri/nhat-ky`);
    await page.getByTestId('audit-table').waitFor();
    const actions = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    for (const a of ['user.create', 'user.disable', 'user.update', 'user.password_reset', 'login.ok', 'login.failed']) expect(actions).toContain(a);
    const text = await page.getByTestId('audit-table').innerText();
    expect(text).toContain('Khóa người dùng');
    expect(text).toContain('127.0.0.1');
    await saveScreenshot(page, SHOTS, 'admin-audit');

    await page.getByTestId('audit-action').selectOption('user.disable');
    await page.waitForURL((u) => u.searchParams.get('action') === 'user.disable');
    await expect.poll(() => page.getByTestId('audit-row').count()).toBe(1);
    const only = await page.getByTestId('audit-row').innerText();
    expect(only).toContain(ADMIN.username);
    expect(only).toContain(LEAD.username);
  });

  it('shows staff the no-access page for the admin pages', async () => {
    const { page } = browser;
    await as({ username: STAFF.username, password: STAFF.newPassword });
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    await page.goto(`${server.url}/quan-tri/nguoi-dung`);
    await page.getByTestId('error-403').waitFor();
    const shown = await page.getByTestId('main').innerText();
    expect(shown).toContain('Không có quyền truy cập');
    expect(shown).toContain('chỉ dành cho quản trị viên');
    expect(shown).not.toContain(LEAD.username);
    await saveScreenshot(page, SHOTS, 'admin-staff-forbidden');
  });
});
