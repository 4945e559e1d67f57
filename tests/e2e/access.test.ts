import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { contentHash, simhash } from '@tdtt/jobs/collect';
import { createApp } from '@tdtt/server/app';
import { loadConfig } from '@tdtt/server/config';
import { parsedPlanSchema } from '@tdtt/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/src/auth';
import { Database } from '../../server/src/db/connection';
import { migrate } from '../../server/src/db/migrate';
import * as q from '../../server/src/db/queries';
import { createJobs } from '../../server/src/runtime/jobs';
import { chromiumAvailable, launchBrowser, signIn, type LaunchedBrowser } from './browser';

// In real Chromium: a unit lead signs in, sees their unit, and typing another unit's page URL
// shows a clear "no access" page, against the real server (built web app, DuckDB file).

const webDir = path.resolve(import.meta.dirname, '../../web/build');
const ready = chromiumAvailable() && existsSync(path.join(webDir, 'index.html'));
if (!ready) console.warn(`tests/e2e/access: skipped, needs /usr/bin/chromium and ${webDir} (npm run build -w @tdtt/web)`);

const PASSWORD = 'mat-khau-trinh-duyet';
const UNITS = [
  { id: 'tinh', name: 'Tỉnh ủy Thử Nghiệm', kind: 'tinh-uy', parentId: null },
  { id: 'khoi-a', name: 'Khối Alpha', kind: 'dang-uy-khoi', parentId: 'tinh' },
  { id: 'so-a1', name: 'Sở Alpha Một', kind: 'so', parentId: 'khoi-a' },
  { id: 'khoi-b', name: 'Khối Beta', kind: 'dang-uy-khoi', parentId: 'tinh' },
];

describe.skipIf(!ready)('access in the browser', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tdtt-e2e-access-'));
  let db: Database;
  let server: ServerType;
  let base = '';
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    db = await Database.open(path.join(dir, 'tdtt.duckdb'));
    await migrate(db);
    await q.upsertUnits(db, UNITS);
    await db.transaction(async (tx) => {
      const planId = await q.insertPlan(
        tx,
        parsedPlanSchema.parse({
          code: '1-KH/BTG', title: 'Kế hoạch tuyên truyền 2025', issuer: 'Ban Tuyên giáo', issuedOn: '2025-01-05', signer: null, signerTitle: null,
          implements: [], purposes: '', requirements: '', anniversaries: [], forms: [], responsibleUnits: [], recipients: [], notUnderstood: [], flags: [],
          phases: [{ key: 'p1', label: 'Năm 2025', startsOn: '2025-01-01', endsOn: '2025-12-31', flags: [], themes: [
            { key: 't1', numbering: '1', order: 0, title: 'Chuyển đổi số', text: 'Tuyên truyền chuyển đổi số', class: 'core', group: null, keyphrases: ['chuyển đổi số'], negativePhrases: [] },
          ] }],
        }),
        'văn bản',
        { isDefault: true },
      );
      await q.assignPlan(tx, planId, ['tinh']);
    });
    const posts = UNITS.slice(1).map((u, i) => {
      const text = `${u.name} đẩy mạnh chuyển đổi số trong cơ quan, cán bộ thực hiện chuyển đổi số lần ${i}.`;
      return { sourceId: 0, unitId: u.id, url: `http://${u.id}.example/tin/1`, canonicalUrl: `http://${u.id}.example/tin/1`, guid: null, title: `Tin ${u.name}`, text, publishedAt: '2025-03-10T09:00:00+07:00', firstSeenAt: '2025-03-10T03:00:00Z', flags: [], contentHash: contentHash(text), simhash: simhash(text) };
    });
    await db.transaction((tx) => q.insertPosts(tx, posts));
    const now = () => new Date('2025-04-15T03:00:00Z');
    const config = loadConfig({ DATA_DIR: dir, WEB_DIR: webDir });
    const jobs = createJobs(db, config, { now });
    for (const job of ['classify', 'rollup']) await (await jobs.runner.start(job)).done;
    await createAccount(db, { username: 'lanhdao-a', displayName: 'Lãnh đạo Alpha', password: PASSWORD, role: 'lead', unitId: 'khoi-a' });
    const app = createApp({ db, config, runner: jobs.runner, scheduler: null, now });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
        base = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a visitor without a session to the sign-in page', async () => {
    const { page } = browser;
    await page.goto(`${base}/don-vi/khoi-a`);
    await page.waitForURL((url) => url.pathname === '/dang-nhap');
    await page.getByTestId('login-form').waitFor();
  });

  it('shows a lead their own unit and a clear "no access" page for another unit’s URL', async () => {
    const { page } = browser;
    await signIn(page, base, 'lanhdao-a', PASSWORD);
    await expect.poll(() => page.getByTestId('main').innerText()).toContain('Khối Alpha');
    expect(await page.getByTestId('main').innerText()).not.toContain('Khối Beta');

    await page.goto(`${base}/don-vi/so-a1`);
    await page.getByTestId('unit-score').waitFor();
    expect(await page.getByTestId('main').innerText()).toContain('Sở Alpha Một');

    await page.goto(`${base}/don-vi/khoi-b`);
    await page.getByTestId('error-403').waitFor();
    const shown = await page.getByTestId('main').innerText();
    expect(shown).toContain('Không có quyền truy cập');
    expect(shown).not.toContain('Khối Beta');
    expect(shown).not.toContain('Tin Khối Beta');
  });
});
