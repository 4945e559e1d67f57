import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@tdtt/server/config';
import { startServer, type Server } from '@tdtt/server/main';
import { getJson, repoRoot, seededDemoServer, signInDemo, tempDir } from '../support';

// Dashboard replicas: the primary publishes consistent snapshots of its DuckDB file, a replica
// serves the newest one read-only, refuses writes, and moves to a newer snapshot while requests run.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('dashboard replica on snapshots', () => {
  const run = tempDir('tdtt-replica-run-');
  const snapshots = tempDir('tdtt-snapshots-');
  let primary: { server: Server; remove(): void };
  let replica: Server;
  let staff: Record<string, string>;

  beforeAll(async () => {
    primary = await seededDemoServer(run.dir, { env: { SNAPSHOT_DIR: snapshots.dir } });
    staff = await signInDemo(primary.server, 'staff'); // before the snapshot: the replica knows this session
    await primary.server.jobs.runner.run('snapshot');
    replica = await startServer(
      loadConfig({ PORT: '0', REPLICA_DIR: snapshots.dir, WEB_DIR: path.join(repoRoot, 'web/build'), SCHEDULER: 'false' }, repoRoot),
    );
  }, 300_000);

  afterAll(async () => {
    await replica?.close();
    await primary?.server.close();
    primary?.remove();
    run.remove();
    snapshots.remove();
  });

  const coverage = async (base: string) => {
    const r = await getJson(base, '/api/coverage', { headers: staff });
    expect(r.status).toBe(200);
    return r.body;
  };

  it('serves the same coverage as the primary at the snapshot', async () => {
    expect(await coverage(replica.url)).toEqual(await coverage(primary.server.url));
    const overview = await getJson(replica.url, '/api/overview', { headers: staff });
    expect(overview.status).toBe(200);
  });

  it('refuses writes with a message that names the primary', async () => {
    const login = await fetch(`${replica.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'x', password: 'y' }),
    });
    expect(login.status).toBe(405);
    expect(((await login.json()) as { error: { message: string } }).error.message).toMatch(/bản sao chỉ đọc.*máy chủ chính/);
    const ack = await fetch(`${replica.url}/api/alerts/ack`, { method: 'POST', headers: { ...staff, 'content-type': 'application/json' }, body: '{}' });
    expect(ack.status).toBe(405);
  });

  it('moves to a newer snapshot without failing a request in flight, then serves its data', async () => {
    const before = await coverage(primary.server.url);
    // Change the primary: staff reject thirty matches of the coverage month, then roll up.
    const month = (before as { month: string }).month;
    const matches = await primary.server.db.all<{ post_id: number; theme_id: string }>(
      `SELECT pt.post_id, pt.theme_id FROM post_themes pt JOIN posts p ON p.id = pt.post_id
       WHERE strftime(p.published_day, '%Y-%m') = $1 ORDER BY pt.post_id LIMIT 30`,
      [month],
    );
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) {
      const r = await fetch(`${primary.server.url}/api/posts/${m.post_id}/decisions`, {
        method: 'POST', headers: { ...staff, 'content-type': 'application/json' }, body: JSON.stringify({ themeId: m.theme_id, accepted: false }),
      });
      expect(r.status).toBe(201);
    }
    await primary.server.jobs.runner.run('rollup');
    const after = await coverage(primary.server.url);
    expect(after).not.toEqual(before);

    // Requests keep arriving at the replica while the primary publishes and the replica switches.
    const oldFile = replica.db.path;
    const statuses: number[] = [];
    let stop = false;
    const load = Array.from({ length: 6 }, async (_, i) => {
      while (!stop) {
        const r = await fetch(`${replica.url}${i % 2 ? '/api/overview' : '/api/coverage'}`, { headers: staff });
        await r.arrayBuffer();
        statuses.push(r.status);
      }
    });
    await sleep(300);
    await primary.server.jobs.runner.run('snapshot');
    const deadline = Date.now() + 15_000;
    while (replica.db.path === oldFile && Date.now() < deadline) await sleep(100);
    await sleep(500);
    stop = true;
    await Promise.all(load);
    expect(replica.db.path).not.toBe(oldFile);
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(await coverage(replica.url)).toEqual(after);
  });
});
