import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '@tdtt/server/main';
import { createAccount } from '../../server/src/auth';
import { seedWorld } from '../integration/export/seed';
import { startTestServer, tempDir } from '../support';
import { chromiumAvailable, launchBrowser, signIn, type LaunchedBrowser } from './browser';

// The built web app under the server's Content-Security-Policy, in real Chromium: every page loads
// and renders with no CSP violation (the static adapter's inline bootstrap is allowed by its hash,
// nothing else inline is). The same headers are on API answers.

const webDir = path.resolve(import.meta.dirname, '../../web/build');
const ready = chromiumAvailable() && existsSync(path.join(webDir, 'index.html'));
if (!ready) console.warn(`tests/e2e/security-headers: skipped, needs /usr/bin/chromium and ${webDir} (npm run build -w @tdtt/web)`);

const PASSWORD = 'mat-khau-trinh-duyet-csp';
const NEW_PASSWORD = 'mat-khau-moi-trinh-duyet';

describe.skipIf(!ready)('security headers and the CSP in the browser', () => {
  const tmp = tempDir('tdtt-e2e-csp-');
  let server: Server;
  let browser: LaunchedBrowser;
  const violations: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ dataDir: tmp.dir, demo: false });
    await seedWorld(server.db);
    await createAccount(server.db, { username: 'canbo.csp', displayName: 'Cán bộ Kiểm Tra', password: PASSWORD, role: 'staff', unitId: null });
    browser = await launchBrowser();
    // Reported by the page itself (an init script runs outside the page's CSP) and by the console.
    await browser.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __csp: string[] }).__csp ??= [];
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    browser.page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    tmp.remove();
  });

  const pageViolations = async () => (await browser.page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])) as string[];

  it('sends the CSP, frame-ancestors none, nosniff and Referrer-Policy on pages and API answers', async () => {
    for (const url of ['/', '/dang-nhap', '/api/health', '/api/auth/me']) {
      const res = await fetch(server.url + url);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, url).toMatch(/default-src 'self'/);
      expect(csp, url).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp, url).toMatch(/frame-ancestors 'none'/);
      expect(csp, url).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), url).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), url).toBe('DENY');
    }
  });

  it('signs in and renders the pages with no CSP violation', async () => {
    const { page } = browser;
    await signIn(page, server.url, 'canbo.csp', PASSWORD);
    await page.getByTestId('user-name').waitFor();
    expect(await pageViolations()).toEqual([]);
    for (const p of ['/', '/chu-de', '/ke-hoach', '/tim-kiem', '/canh-bao', '/ky-niem', '/doi-mat-khau']) {
      await page.goto(server.url + p);
      await page.getByTestId('page-title').or(page.getByTestId('level-path')).or(page.getByTestId('overview-empty')).first().waitFor();
      expect(await pageViolations(), p).toEqual([]);
    }
    expect(violations).toEqual([]);
  });

  it('changes the password from the user menu (/doi-mat-khau)', async () => {
    const { page } = browser;
    await page.goto(server.url + '/');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('change-password').click();
    await page.waitForURL((u) => u.pathname === '/doi-mat-khau');
    await page.getByTestId('current-password').fill(PASSWORD);
    await page.getByTestId('new-password').fill('ngan');
    await page.getByTestId('repeat-password').fill('ngan');
    await page.getByTestId('password-submit').click();
    await expect.poll(() => page.getByTestId('password-error').textContent()).toMatch(/12 ký tự/);
    await page.getByTestId('new-password').fill(NEW_PASSWORD);
    await page.getByTestId('repeat-password').fill(NEW_PASSWORD);
    await page.getByTestId('password-submit').click();
    await expect.poll(() => page.getByTestId('password-ok').textContent()).toMatch(/Đã đổi mật khẩu/);
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'canbo.csp', password: NEW_PASSWORD }) });
    expect(res.status).toBe(200);
    expect(await pageViolations()).toEqual([]);
  });
});
