// From an empty install in real Chromium: the overview shows the setup checklist; the admin imports
// the office's XLSX of 12 units in three levels (sites on 127.0.0.1), previews, saves, gets the leads'
// one-time passwords; discovery finds the sites' feeds; a lead signs in with the one-time password,
// must set their own, and then sees only their own unit.
// (Not covered here: plan import, assignment, collection and a filled overview — tests/e2e/plans and
// dashboard cover those pages on the demo world.)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, repoRoot, signIn as apiSignIn, tempDir } from '../support';
import { fixtureSite } from '../integration/units/fixture-sites';
import { ADMIN, emptyInstall, xlsxOf } from '../integration/units/support';
import { chromiumAvailable, launchBrowser, signIn, type LaunchedBrowser } from './browser';

const webDir = path.join(repoRoot, 'web/build');
const ready = chromiumAvailable() && existsSync(path.join(webDir, 'index.html'));

describe.skipIf(!ready)('first run in the browser', () => {
  let w: Awaited<ReturnType<typeof emptyInstall>>;
  let sites: Awaited<ReturnType<typeof fixtureSite>>[] = [];
  let admin: LaunchedBrowser;
  let lead: LaunchedBrowser;
  const tmp = tempDir('tdtt-e2e-first-');

  beforeAll(async () => {
    w = await emptyInstall();
    sites = await Promise.all([fixtureSite('feed', 'Sở Y tế'), fixtureSite('feed', 'Sở Giáo dục'), fixtureSite('sitemap', 'Xã An Bình'), fixtureSite('empty', 'Xã Tân Lập')]);
    [admin, lead] = await Promise.all([launchBrowser(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([admin?.close(), lead?.close()]);
    await Promise.all(sites.map((s) => s.close()));
    await w?.close();
    tmp.remove();
  });

  it('imports the registry, discovers sources, and a lead sets their own password', async () => {
    const page = admin.page;
    await signIn(page, w.base, ADMIN.username, ADMIN.password);
    await page.goto(`${w.base}/`);
    await page.getByTestId('setup-checklist').waitFor();
    expect(await page.locator('[data-step="units"]').getAttribute('data-done')).toBe('false');

    // Three levels, children listed before parents, parents by code or name.
    const rows = [
      ['Tên đơn vị', 'Mã', 'Trực thuộc', 'Loại', 'Trang thông tin điện tử', 'Tài khoản trưởng đơn vị', 'Họ tên trưởng đơn vị'],
      ['Chi bộ Văn phòng Sở Y tế', 'CB-SYT', 'SYT', 'Chi bộ', '', '', ''],
      ['Chi bộ Phòng Nghiệp vụ', 'CB-NV', 'SYT', 'Chi bộ', '', '', ''],
      ['Sở Y tế', 'SYT', 'Tỉnh ủy Thử Nghiệm', 'Sở', `${sites[0]!.url}/`, 'ld.syt', 'Lê Văn Y'],
      ['Sở Giáo dục và Đào tạo', 'SGD', 'TU', 'Sở', `${sites[1]!.url}/`, 'ld.sgd', 'Phạm Thị Giáo'],
      ['Chi bộ Văn phòng Sở Giáo dục', 'CB-SGD', 'SGD', 'Chi bộ', '', '', ''],
      ['Tỉnh ủy Thử Nghiệm', 'TU', '', 'Tỉnh ủy', '', '', ''],
      ['Xã An Bình', 'XAB', 'TU', 'Xã/phường', `${sites[2]!.url}/`, '', ''],
      ['Chi bộ thôn 1 An Bình', 'CB-AB1', 'XAB', 'Chi bộ', '', '', ''],
      ['Chi bộ thôn 2 An Bình', 'CB-AB2', 'XAB', 'Chi bộ', '', '', ''],
      ['Xã Tân Lập', 'XTL', 'TU', 'Xã/phường', `${sites[3]!.url}/`, '', ''],
      ['Chi bộ thôn 1 Tân Lập', 'CB-TL1', 'XTL', 'Chi bộ', '', '', ''],
      ['Đặc khu Hòn Ngọc', 'DKHN', 'TU', 'Đặc khu', '', '', ''],
    ];
    const file = path.join(tmp.dir, 'danh-sach-don-vi.xlsx');
    mkdirSync(tmp.dir, { recursive: true });
    writeFileSync(file, await xlsxOf(rows, { title: 'DANH SÁCH ĐƠN VỊ' }));

    await page.goto(`${w.base}/quan-tri/don-vi`);
    await page.getByTestId('registry-empty').waitFor();
    await page.getByTestId('registry-file').setInputFiles(file);
    await page.getByTestId('registry-preview').click();
    await page.getByTestId('registry-preview-result').waitFor();
    expect(await page.getByTestId('registry-preview-result').innerText()).toMatch(/12\s+đơn vị mới/);
    expect(await page.getByTestId('registry-table').count()).toBe(0); // nothing saved by the preview
    await page.getByTestId('registry-save').click();
    await page.getByTestId('registry-accounts').waitFor();
    const accounts = await page.getByTestId('account-row').allInnerTexts();
    expect(accounts).toHaveLength(2);
    const sytRow = accounts.find((a) => a.includes('ld.syt'))!;
    const otp = sytRow.trim().split(/\s+/).pop()!;
    expect(otp).toMatch(/^[a-z2-9]{12}$/);
    await page.getByTestId('registry-table').waitFor();
    expect(await page.getByTestId('registry-row').count()).toBe(12);

    // Discovery in the background: feeds for the two Sở, a sitemap for An Bình, nothing for Tân Lập.
    let websites: any[] = [];
    for (let i = 0; i < 150; i++) {
      websites = (await getJson(w.base, '/api/units/websites', { headers: w.admin })).body.websites;
      if (websites.length === 4 && websites.every((x) => x.state !== 'pending')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(websites.map((x) => [x.unitId, x.state]).sort()).toEqual([['sgd', 'found'], ['syt', 'found'], ['xab', 'found'], ['xtl', 'nothing']]);
    await page.goto(`${w.base}/nguon`);
    await page.getByTestId('sources-unusable').waitFor();
    expect(await page.getByTestId('sources-unusable').innerText()).toContain('Xã Tân Lập');
    await page.goto(`${w.base}/`);
    await page.getByTestId('setup-checklist').waitFor();
    expect(await page.locator('[data-step="units"]').getAttribute('data-done')).toBe('true');
    expect(await page.locator('[data-step="sources"]').getAttribute('data-done')).toBe('true');

    // The lead: one-time password → must set their own → sees only their unit's subtree.
    const lp = lead.page;
    await lp.goto(`${w.base}/dang-nhap`);
    await lp.getByTestId('login-username').fill('ld.syt');
    await lp.getByTestId('login-password').fill(otp);
    await lp.getByTestId('login-submit').click();
    await lp.waitForURL((u) => u.pathname === '/doi-mat-khau');
    await lp.getByTestId('password-first').waitFor();
    await lp.getByTestId('current-password').fill(otp);
    await lp.getByTestId('new-password').fill('mat-khau-rieng-cua-toi-2026');
    await lp.getByTestId('repeat-password').fill('mat-khau-rieng-cua-toi-2026');
    await lp.getByTestId('password-submit').click();
    await lp.waitForURL((u) => u.pathname === '/');
    const units = await lp.request.get(`${w.base}/api/units`);
    expect(units.status()).toBe(200);
    expect(((await units.json()).units as any[]).map((u) => u.id).sort()).toEqual(['cb-nv', 'cb-syt', 'syt']);
    expect((await lp.request.get(`${w.base}/api/units/sgd`)).status()).toBe(403);
    // The one-time password no longer opens the account.
    await expect(apiSignIn(w.base, 'ld.syt', otp)).rejects.toThrow(/401/);
  }, 240_000);
});
