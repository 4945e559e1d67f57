// npm run backup while a collection writes, npm run restore into a new data folder: the restored
// database opens, migrates and holds the same rows as the copy; a backup after the collection
// restores with the live server's counts exactly.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/src/db/connection';
import { COUNTED_TABLES } from '../../server/src/backup';
import { getJson, repoRoot, startTestServer, tempDir } from '../support';
import { ADMIN, csvOf, emptyInstall, upload } from './units/support';

const ITEMS = 15;
/** Four units' feeds of ITEMS articles each, every article answering after 30 ms. */
function feeds(): Promise<{ server: HttpServer; url: string }> {
  const server = createServer((req, res) => {
    const base = `http://${req.headers.host}`;
    const m = /^\/(f\d)\/(rss\.xml|tin\/(\d+))$/.exec(req.url ?? '');
    if (req.url === '/robots.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    if (!m) return res.writeHead(404).end();
    if (m[2] === 'rss.xml') {
      const items = Array.from({ length: ITEMS }, (_, i) => `<item><title>Tin ${m[1]} số ${i + 1}</title><link>${base}/${m[1]}/tin/${i + 1}</link><pubDate>${new Date(Date.now() - (i + 1) * 3600_000).toUTCString()}</pubDate></item>`);
      return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>${m[1]}</title>${items.join('')}</channel></rss>`);
    }
    setTimeout(() => {
      const p = Array.from({ length: 6 }, (_, k) => `<p>Đoạn ${k + 1} của bài ${m[3]} về việc đẩy mạnh chuyển đổi số và cải cách hành chính tại địa phương trong năm nay.</p>`).join('');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<html><head><title>Tin ${m[1]} số ${m[3]}</title></head><body><article><h1>Tin ${m[1]} số ${m[3]}</h1>${p}</article></body></html>`);
    }, 30);
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

async function countsOf(file: string): Promise<Record<string, number>> {
  const db = await Database.open(file, { readers: 1 });
  try {
    const out: Record<string, number> = {};
    for (const t of COUNTED_TABLES) out[t] = Number((await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${t}`))!.n);
    return out;
  } finally {
    await db.close();
  }
}

function restore(file: string, dataDir: string): { counts: Record<string, number>; restored: string } {
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'server/src/cli/restore.ts'), file], {
    cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8',
  }));
}

describe('backup during a collection, restore', () => {
  let w: Awaited<ReturnType<typeof emptyInstall>>;
  let site: { server: HttpServer; url: string };
  const dirs = [tempDir('tdtt-restore-a-'), tempDir('tdtt-restore-b-')];
  beforeAll(async () => {
    [w, site] = await Promise.all([emptyInstall(), feeds()]);
  }, 60_000);
  afterAll(async () => {
    await w?.close();
    await new Promise((r) => site?.server.close(r));
    for (const d of dirs) d.remove();
  });

  it('restores a copy taken mid-collection with its counts, and one taken after with the live counts', async () => {
    const sheet = [['Tên đơn vị', 'Mã', 'Trực thuộc'], ['Tỉnh ủy', 'TU', ''], ...[1, 2, 3, 4].map((i) => [`Sở ${i}`, `S${i}`, 'TU'])];
    expect((await upload(w.base, w.admin, csvOf(sheet, ','), 'dv.csv')).status).toBe(200);
    const json = { ...w.admin, 'content-type': 'application/json' };
    for (const i of [1, 2, 3, 4]) {
      const r = await getJson(w.base, '/api/sources', { method: 'POST', headers: json, body: JSON.stringify({ unitId: `s${i}`, kind: 'feed', url: `${site.url}/f${i}/rss.xml` }) });
      expect(r.status).toBe(201);
    }
    const collecting = w.server.jobs.runner.runFresh('collect');
    // Mid-collection: the job is running when the copy is made.
    for (let i = 0; i < 100 && !w.server.jobs.runner.isRunning('collect'); i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300));
    // Asynchronously: the server answering the command runs in this process.
    const during = (await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'server/src/cli/backup.ts')], {
      cwd: repoRoot, encoding: 'utf8',
      env: { ...process.env, BACKUP_URL: w.base, ADMIN_USER: ADMIN.username, ADMIN_PASSWORD: ADMIN.password, DATA_DIR: dirs[0]!.dir },
    })).stdout.trim();
    const stillCollecting = w.server.jobs.runner.isRunning('collect');
    await collecting;

    const copyCounts = await countsOf(during);
    const restoredA = restore(during, dirs[0]!.dir);
    expect(restoredA.counts).toEqual(copyCounts);
    expect(copyCounts.units).toBe(5);
    expect(copyCounts.sources).toBe(4);

    const after = await getJson(w.base, '/api/admin/backup', { method: 'POST', headers: w.admin });
    expect(after.status).toBe(201);
    const restoredB = restore(after.body.file, dirs[1]!.dir);
    // The live server's rows, read through its own connection after the collection.
    const live: Record<string, number> = {};
    for (const t of COUNTED_TABLES) live[t] = Number((await w.server.db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${t}`))!.n);
    expect(live.posts).toBe(4 * ITEMS);
    // The backup's own audit entry is written after the copy: the live log holds one more.
    expect({ ...restoredB.counts, audit_log: restoredB.counts.audit_log! + 1 }).toEqual(live);
    expect(copyCounts.posts!).toBeLessThanOrEqual(live.posts!);
    if (stillCollecting) expect(copyCounts.posts!).toBeLessThan(live.posts!);

    // The restored folder serves: same registry as the live one.
    const s = await startTestServer({ dataDir: dirs[1]!.dir, demo: false });
    try {
      const res = await fetch(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
      expect(res.status).toBe(200);
    } finally {
      await s.close();
    }
  }, 180_000);
});
