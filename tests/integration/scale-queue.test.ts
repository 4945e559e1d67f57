import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector } from '@tdtt/jobs/queue';
import * as q from '@tdtt/server/db/queries';
import type { Server } from '@tdtt/server/main';
import { startScaleSites, type ScaleSites } from '../fixtures/scale-sites';
import { startBuiltServer } from '../support/built-server';
import { postgresAvailable, startPostgres, type TestPostgres } from '../support/postgres';
import { repoRoot, startTestServer, tempDir } from '../support';

// Beyond one machine: collectors in their own processes take "collect source" jobs from pg-boss,
// land posts in PostgreSQL, and the server moves them into DuckDB. Real PostgreSQL, real processes,
// real HTTP sites on 127.0.0.x that count the requests they have in flight per host.

const HOSTS = 10;
const PER_HOST = 30;
const ARTICLES = 3;
const TOTAL = HOSTS * PER_HOST * ARTICLES;
const PER_HOST_LIMIT = 2;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, fn: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function seedRegistry(server: Server, sites: ScaleSites): Promise<void> {
  await q.upsertUnits(server.db, [
    { id: 'tinh', name: 'Tỉnh ủy', kind: 'tinh-uy', parentId: null },
    ...sites.sources.map((s) => ({ id: s.unitId, name: s.unitName, kind: 'dang-uy', parentId: 'tinh' })),
  ]);
  await q.upsertSources(server.db, sites.sources.map((s) => ({ unitId: s.unitId, kind: 'feed' as const, url: s.url })));
}

async function postsByUnit(server: Server): Promise<Map<string, number>> {
  const rows = await server.db.all<{ unit_id: string; n: number }>('SELECT unit_id, count(*)::INTEGER AS n FROM posts GROUP BY unit_id');
  return new Map(rows.map((r) => [r.unit_id, r.n]));
}

function serverEnv(dataDir: string, queueUrl: string | null, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATA_DIR: dataDir, DEMO: 'false', ALLOW_PRIVATE_HOSTS: 'loopback', COLLECT_HOST_DELAY_MS: '0',
    ...(queueUrl ? { QUEUE_URL: queueUrl, QUEUE_JOB_TIMEOUT_SECONDS: '8' } : {}),
    ...extra,
  };
}

/** A collector process; resolves once it says it runs (so each one holds jobs by the time one is killed). */
async function spawnCollector(queueUrl: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'jobs/src/queue/cli.ts'), '--queue', queueUrl, '--concurrency', '8',
      '--per-host', String(PER_HOST_LIMIT), '--host-delay-ms', '0', '--allow-private', 'loopback', '--job-timeout-seconds', '8', '--host-lease-ms', '5000'],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stderr!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('đang chạy')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`collector exited (${code}): ${out}`)));
  });
  return child;
}

async function newDatabase(pgs: TestPostgres, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: pgs.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return pgs.url.replace(/\/postgres$/, `/${name}`);
}

async function count(pool: pg.Pool, sql: string): Promise<number> {
  return Number((await pool.query<{ n: string }>(sql)).rows[0]!.n);
}

describe.skipIf(!postgresAvailable())('collection through PostgreSQL and pg-boss', () => {
  let pgs: TestPostgres;
  let sites: ScaleSites;
  const dirs: { remove(): void }[] = [];
  const dir = () => {
    const d = tempDir('tdtt-scale-');
    dirs.push(d);
    return d.dir;
  };

  beforeAll(async () => {
    pgs = await startPostgres();
    sites = await startScaleSites({ hosts: HOSTS, sourcesPerHost: PER_HOST, articlesPerSource: ARTICLES, latencyMs: [20, 60] });
  });

  afterAll(async () => {
    await sites?.close();
    await pgs?.stop();
    for (const d of dirs) d.remove();
  });

  it('three collector processes, one killed -9 mid-run: every post stored exactly once, its jobs finished by the others, no host over its limit', async () => {
    const url = await newDatabase(pgs, 'three');
    const dataDir = dir();
    const server = await startTestServer({ dataDir, demo: false, env: serverEnv(dataDir, url) });
    const pool = new pg.Pool({ connectionString: url });
    const collectors: ChildProcess[] = [];
    try {
      collectors.push(...(await Promise.all([spawnCollector(url), spawnCollector(url), spawnCollector(url)])));
      await seedRegistry(server, sites);
      const enqueued = (await server.jobs.runner.run('collect')) as { queued: number };
      expect(enqueued.queued).toBe(HOSTS * PER_HOST);

      // Kill one collector while it has work in hand.
      await until('a third of the posts landed', async () => (await count(pool, 'SELECT count(*) AS n FROM tdtt_known_urls')) >= TOTAL / 3, 180_000);
      collectors[0]!.kill('SIGKILL');

      await until('every post landed', async () => (await count(pool, 'SELECT count(*) AS n FROM tdtt_known_urls')) === TOTAL, 240_000);
      await until(
        'the queue drained',
        async () => (await count(pool, "SELECT count(*) AS n FROM pgboss.job WHERE name = 'collect-source' AND state IN ('created', 'retry', 'active')")) === 0,
        120_000,
      );
      expect(await count(pool, "SELECT count(*) AS n FROM pgboss.job WHERE name = 'collect-source' AND state = 'failed'")).toBe(0);
      // The killed collector's active jobs expired and were collected again by another.
      expect(await count(pool, "SELECT count(*) AS n FROM pgboss.job WHERE name = 'collect-source' AND retry_count > 0")).toBeGreaterThan(0);

      const moved = (await server.jobs.runner.run('load')) as { posts: number; inserted: number };
      expect(moved).toMatchObject({ posts: TOTAL, inserted: TOTAL });
      const stored = await server.db.all<{ url: string }>('SELECT url FROM posts');
      expect(stored).toHaveLength(TOTAL);
      expect(new Set(stored.map((r) => r.url))).toEqual(new Set(sites.sources.flatMap((s) => s.articleUrls)));
      // Source state came back too: every source has its last success.
      expect((await server.db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM sources WHERE last_success_at IS NOT NULL'))!.n).toBe(HOSTS * PER_HOST);
      // Politeness held across the three processes.
      const peaks = [...sites.maxInFlight().values()];
      expect(peaks).toHaveLength(HOSTS);
      expect(Math.max(...peaks)).toBeLessThanOrEqual(PER_HOST_LIMIT);
      // A second load finds nothing new; landed rows were pruned.
      expect(((await server.jobs.runner.run('load')) as { posts: number }).posts).toBe(0);
      expect(await count(pool, 'SELECT count(*) AS n FROM tdtt_landed_posts')).toBe(0);
    } finally {
      for (const c of collectors) c.kill('SIGKILL');
      await pool.end();
      await server.close();
    }
  }, 420_000);

  it('the loader killed -9 mid-batch loses and duplicates nothing; the counts equal a one-machine run on the same sites', async () => {
    const url = await newDatabase(pgs, 'loader');
    const dataDir = dir();
    // Land everything with one in-process collector, then stop the server that enqueued it.
    const first = await startTestServer({ dataDir, demo: false, env: serverEnv(dataDir, url) });
    await seedRegistry(first, sites);
    await first.jobs.runner.run('collect');
    const pool = new pg.Pool({ connectionString: url });
    const collector = await startCollector({ queueUrl: url, concurrency: 16, allowPrivate: ['loopback'], hosts: { perHost: PER_HOST_LIMIT, minDelayMs: 0 } });
    await until('every post landed', async () => (await count(pool, 'SELECT count(*) AS n FROM tdtt_known_urls')) === TOTAL, 240_000);
    await collector.stop();
    await first.close();

    // The built server loads 10 posts a transaction; it is killed while it reads the landing table.
    const built = await startBuiltServer({ ...serverEnv(dataDir, url, { QUEUE_LOAD_BATCH: '10', SCHEDULER: 'false', COLLECT_ON_START: 'true' }), PORT: '0', HOST: '127.0.0.1' });
    await until(
      'the loader reading landed posts',
      async () => (await count(pool, "SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE '%FROM tdtt_landed_posts%' AND pid <> pg_backend_pid()")) > 0,
      120_000,
    );
    await sleep(300);
    await built.stop('SIGKILL');

    const again = await startTestServer({ dataDir, demo: false, env: serverEnv(dataDir, url) });
    try {
      const before = (await again.db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM posts'))!.n;
      expect(before).toBeGreaterThan(0); // the kill came mid-load: some batches were in…
      expect(before).toBeLessThan(TOTAL); // …and some were not
      await again.jobs.runner.run('load');
      const stored = await again.db.all<{ canonical_url: string }>('SELECT canonical_url FROM posts');
      expect(stored).toHaveLength(TOTAL);
      expect(new Set(stored.map((r) => r.canonical_url)).size).toBe(TOTAL);

      // The same sites collected by the one-machine default (no PostgreSQL).
      const singleDir = dir();
      const single = await startTestServer({ dataDir: singleDir, demo: false, env: serverEnv(singleDir, null) });
      try {
        await seedRegistry(single, sites);
        await single.jobs.runner.run('collect');
        expect(await postsByUnit(again)).toEqual(await postsByUnit(single));
      } finally {
        await single.close();
      }
    } finally {
      await pool.end();
      await again.close();
    }
  }, 420_000);
});
