// The collect bench against the real server: fixture sources registered in a temporary DuckDB,
// one collect → classify → roll-up run, while a signed-in client probes the dashboard API.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import * as q from '../../server/src/db/queries';
import { importPlanText } from '../../server/src/runtime/plans';
import { signIn, startTestServer, tempDir } from '../support';
import { benchPlanText } from './generate-db/plan-text';

export function p95(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! * 10) / 10;
}

/** The hostile fixture server in its own process, on `hosts` ports (so the per-host limiter sees several hosts). */
export async function startFixture(hosts: number): Promise<{ origins: string[]; stop: () => void }> {
  const serve = path.resolve(import.meta.dirname, '../fixtures/hostile-server/serve.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', serve, String(hosts)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`fixture server exited (${code})`)));
  });
  return { origins: JSON.parse(line) as string[], stop: () => child.kill('SIGTERM') };
}

export interface ServerBenchResult {
  sourcesPerSec: number;
  postsPerSec: number;
  peakRssMB: number;
  apiP95Ms: number | null;
  seconds: number;
  collectSeconds: number;
  posts: number;
  probes: number;
  probeErrors: number;
  apiMaxMs: number | null;
  healthP95Ms: number | null;
  coverageP95Ms: number | null;
}

const ADMIN = { user: 'bench-admin', password: 'bench-admin-mat-khau-2025' };

export async function runServerCollectBench(o: { sources: number; items: number; hosts: number; concurrency: number; probeMs?: number }): Promise<ServerBenchResult> {
  const fixture = await startFixture(o.hosts);
  const tmp = tempDir('tdtt-bench-collect-');
  const server = await startTestServer({
    dataDir: tmp.dir,
    demo: false,
    env: {
      ALLOW_PRIVATE_HOSTS: 'loopback',
      COLLECT_HOST_DELAY_MS: '0',
      COLLECT_CONCURRENCY: String(o.concurrency),
      ADMIN_USER: ADMIN.user,
      ADMIN_PASSWORD: ADMIN.password,
    },
  });
  try {
    const ids = Array.from({ length: o.sources }, (_, i) => i + 1);
    await server.db.transaction(async (tx) => {
      await q.upsertUnits(tx, [{ id: 'bench', name: 'Đơn vị thử tải', kind: 'khoi', parentId: null }, ...ids.map((i) => ({ id: `u${i}`, name: `Đơn vị ${i}`, kind: 'xa', parentId: 'bench' }))]);
      await q.upsertSources(
        tx,
        ids.map((i) => ({ unitId: `u${i}`, kind: 'feed' as const, url: `${fixture.origins[i % fixture.origins.length]}/bench/${i}/feed.xml?items=${o.items}` })),
      );
    });
    // A plan gives the classifier themes and /api/coverage something to compute.
    const plan = await importPlanText(server.db, benchPlanText(), { isDefault: true, unitIds: ['bench'] });
    if (!plan.ok) throw new Error(`bench plan: ${plan.message}`);
    const headers = await signIn(server.url, ADMIN.user, ADMIN.password);

    const t0 = performance.now();
    let peak = process.memoryUsage().rss;
    let collectSeconds = 0;
    let sawCollect = false;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
      // The collect phase's end, for sources/s and posts/s (classify and roll-up follow it).
      if (server.jobs.runner.isRunning('collect')) sawCollect = true;
      else if (sawCollect && !collectSeconds) collectSeconds = (performance.now() - t0) / 1000;
    }, 50);
    const probeMs: number[] = [];
    const byPath: Record<string, number[]> = { '/api/health': [], '/api/coverage': [] };
    let probeErrors = 0;
    let running = true;
    // One probe at a time, ~every probeMs: what a dashboard user waits for while the run goes on.
    const prober = (async () => {
      for (let k = 0; running; k++) {
        const started = performance.now();
        const pathname = k % 2 ? '/api/health' : '/api/coverage';
        try {
          const res = await fetch(server.url + pathname, { headers });
          await res.arrayBuffer();
          if (res.status !== 200) probeErrors++;
        } catch {
          probeErrors++;
        }
        const took = performance.now() - started;
        probeMs.push(took);
        byPath[pathname]!.push(took);
        await new Promise((r) => setTimeout(r, Math.max(0, (o.probeMs ?? 50) - took)));
      }
    })();
    try {
      await server.jobs.runPipeline();
    } finally {
      running = false;
      clearInterval(sampler);
      await prober;
    }
    const seconds = (performance.now() - t0) / 1000;
    collectSeconds ||= seconds;
    const posts = Number((await server.db.one<{ n: bigint | number }>('SELECT count(*) AS n FROM posts'))?.n ?? 0);
    peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
    return {
      sourcesPerSec: Math.round((o.sources / collectSeconds) * 10) / 10,
      postsPerSec: Math.round((posts / collectSeconds) * 10) / 10,
      peakRssMB: Math.round(peak / 1024 / 1024),
      apiP95Ms: p95(probeMs),
      seconds: Math.round(seconds * 10) / 10,
      collectSeconds: Math.round(collectSeconds * 10) / 10,
      posts,
      probes: probeMs.length,
      probeErrors,
      apiMaxMs: probeMs.length ? Math.round(Math.max(...probeMs)) : null,
      healthP95Ms: p95(byPath['/api/health']!),
      coverageP95Ms: p95(byPath['/api/coverage']!),
    };
  } finally {
    await server.close();
    fixture.stop();
    tmp.remove();
  }
}
