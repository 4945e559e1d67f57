// npm run bench:scale [-- --collectors 1,2,4] [--hosts 150] [--sources-per-host 2] [--articles 3] [--concurrency 16] [--json]
// Collection beyond one machine (docs/scale.md): a real PostgreSQL, N collector processes started as
// `npm run collector` starts them, loopback sites answering after 100–300 ms as real sites do.
// Per collector count: a backfill round (every source new: index + articles) and a poll round
// (every index unchanged), sources/s and posts/s, queue latency (job created → started), lost and
// duplicated posts; then the loader's rows/s into DuckDB.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { enqueueSources, ensureLandingSchema, openQueue, publishSources } from '@tdtt/jobs/queue';
import { Database } from '../../server/src/db/connection';
import { migrate } from '../../server/src/db/migrate';
import * as q from '../../server/src/db/queries';
import { DuckDbStore } from '../../server/src/runtime/store';
import { openQueueBridge } from '../../server/src/runtime/queue-bridge';
import { startScaleSites } from '../fixtures/scale-sites';
import { startPostgres } from '../support/postgres';
import { repoRoot, tempDir } from '../support';

const { values } = parseArgs({
  options: {
    collectors: { type: 'string', default: '1,2,4' },
    hosts: { type: 'string', default: '150' },
    'sources-per-host': { type: 'string', default: '2' },
    articles: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    json: { type: 'boolean', default: false },
  },
});
const counts = values.collectors!.split(',').map(Number);
const HOSTS = Number(values.hosts);
const PER_HOST = Number(values['sources-per-host']);
const ARTICLES = Number(values.articles);
const say = (m: string) => {
  if (!values.json) console.error(m);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const pgs = await startPostgres();
const sites = await startScaleSites({ hosts: HOSTS, sourcesPerHost: PER_HOST, articlesPerSource: ARTICLES, latencyMs: [100, 300] });
const sourceCount = sites.sources.length;
const expected = new Set(sites.sources.flatMap((s) => s.articleUrls));
const records = sites.sources.map((s, i) => ({
  record: { id: i + 1, unitId: s.unitId, kind: 'feed' as const, url: s.url, listing: null, etag: null, lastModified: null, lastContentHash: null },
  paused: false,
}));

async function startCollectors(url: string, n: number): Promise<ChildProcess[]> {
  const procs = Array.from({ length: n }, () =>
    spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'jobs/src/queue/cli.ts'), '--queue', url, '--concurrency', values.concurrency!,
      '--host-delay-ms', '0', '--allow-private', 'loopback'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] }),
  );
  // Ready once each has said it runs: start-up is not counted.
  await Promise.all(procs.map((p) => new Promise<void>((resolve, reject) => {
    let out = '';
    p.stderr!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('đang chạy')) resolve();
    });
    p.once('exit', (code) => reject(new Error(`collector exited (${code}): ${out}`)));
  })));
  return procs;
}

async function drained(pool: pg.Pool): Promise<boolean> {
  const r = await pool.query<{ n: string }>("SELECT count(*) AS n FROM pgboss.job WHERE name = 'collect-source' AND state IN ('created', 'retry', 'active')");
  return Number(r.rows[0]!.n) === 0;
}

async function round(pool: pg.Pool, boss: Awaited<ReturnType<typeof openQueue>>): Promise<number> {
  await pool.query('UPDATE tdtt_sources SET next_poll_at = NULL');
  const t0 = performance.now();
  await enqueueSources(boss, records.map((r) => r.record.id));
  while (!(await drained(pool))) await sleep(50);
  return (performance.now() - t0) / 1000;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

const result: Record<string, { sourcesPerSec: number; postsPerSec: number; pollSourcesPerSec: number; queueLatencyP50Ms: number; queueLatencyP95Ms: number }> = {};
let lost = 0;
let duplicated = 0;
let lastUrl = '';
for (const n of counts) {
  const db = `c${n}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: pgs.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  const url = pgs.url.replace(/\/postgres$/, `/${db}`);
  lastUrl = url;
  const pool = new pg.Pool({ connectionString: url });
  await ensureLandingSchema(pool);
  await publishSources(pool, records);
  const boss = await openQueue(url);
  say(`${n} bộ thu thập…`);
  const procs = await startCollectors(url, n);
  const backfill = await round(pool, boss);
  const poll = await round(pool, boss);
  for (const p of procs) p.kill('SIGTERM');
  await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once('exit', r)))));
  const landed = await pool.query<{ url: string }>("SELECT post->>'url' AS url FROM tdtt_landed_posts");
  const urls = landed.rows.map((r) => r.url);
  lost += [...expected].filter((u) => !urls.includes(u)).length;
  duplicated += urls.length - new Set(urls).size;
  const lat = await pool.query<{ ms: number }>(
    "SELECT extract(epoch FROM started_on - created_on) * 1000 AS ms FROM pgboss.job WHERE name = 'collect-source' AND started_on IS NOT NULL",
  );
  const ms = lat.rows.map((r) => Number(r.ms));
  result[String(n)] = {
    sourcesPerSec: Math.round((sourceCount / backfill) * 10) / 10,
    postsPerSec: Math.round((expected.size / backfill) * 10) / 10,
    pollSourcesPerSec: Math.round((sourceCount / poll) * 10) / 10,
    queueLatencyP50Ms: Math.round(pct(ms, 0.5)),
    queueLatencyP95Ms: Math.round(pct(ms, 0.95)),
  };
  say(`  ${JSON.stringify(result[String(n)])}`);
  await boss.stop({ graceful: false, wait: true, close: true });
  await pool.end();
}

// The loader: the last round's landed posts into a new DuckDB file.
const tmp = tempDir('tdtt-bench-scale-');
const duck = await Database.open(path.join(tmp.dir, 'tdtt.duckdb'));
await migrate(duck);
await q.upsertUnits(duck, sites.sources.map((s) => ({ id: s.unitId, name: s.unitName, kind: 'dang-uy', parentId: null })));
await q.upsertSources(duck, sites.sources.map((s) => ({ unitId: s.unitId, kind: 'feed' as const, url: s.url })));
const bridge = await openQueueBridge(duck, new DuckDbStore(duck), lastUrl);
const t0 = performance.now();
const moved = await bridge.load(new Date());
const loaderRowsPerSec = Math.round(moved.posts / ((performance.now() - t0) / 1000));
const stored = (await duck.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM posts'))!.n;
lost += expected.size - stored;
await bridge.close();
await duck.close();
tmp.remove();
await sites.close();
await pgs.stop();

const out = { collectors: result, lost, duplicated, loaderRowsPerSec, sources: sourceCount, posts: expected.size };
if (values.json) console.log(JSON.stringify(out));
else {
  console.log('| bộ thu thập | nguồn/s (lấy lùi) | bài/s | nguồn/s (kiểm tra lại) | độ trễ hàng đợi p50 / p95 |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [n, r] of Object.entries(result)) {
    console.log(`| ${n} | ${r.sourcesPerSec} | ${r.postsPerSec} | ${r.pollSourcesPerSec} | ${r.queueLatencyP50Ms} / ${r.queueLatencyP95Ms} ms |`);
  }
  console.log(`\nmất: ${lost}, trùng: ${duplicated}, nạp vào DuckDB: ${loaderRowsPerSec} bài/s (${sourceCount} nguồn, ${expected.size} bài)`);
}
process.exit(0);
