// npm run bench:collect [-- --json] [-- --sources 1000 --items 50 --hosts 50 --workers 1]
// Collects N sources × M items from the fixture server (run in its own process,
// on several ports so the per-host limiter sees several hosts) and prints
// throughput and peak memory. apiP95Ms stays null from the command line: it
// needs the real server answering the API while the collection runs — pass
// `probe` to runCollectBench (e.g. a GET /api/health) to measure it.
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import readline from 'node:readline';
import { ExtractPool, HostLimiter, RobotsCache, ROBOTS_TOKEN } from '@tdtt/jobs/collect';
import { collectSource } from '@tdtt/jobs/pipeline';
import type { CollectStore, CollectedPost } from '@tdtt/jobs/ports';

interface BenchOptions {
  sources: number;
  items: number;
  hosts: number;
  /** Sources collected at once (the server's collect concurrency). */
  concurrency: number;
  /** Extraction worker threads; 0 = extract on the main thread. */
  workers: number;
  /** Called every 100 ms during the run (e.g. GET /api/health on a server in this process); its p95 is apiP95Ms. */
  probe?: () => Promise<unknown>;
}

function p95(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! * 10) / 10;
}

export interface CollectBenchResult {
  sourcesPerSec: number;
  postsPerSec: number;
  peakRssMB: number;
  apiP95Ms: number | null;
}

/** Keeps identities only, so the bench measures the collector, not a store. */
class CountingStore implements CollectStore {
  posts = 0;
  fetches = 0;
  failures = 0;
  private readonly known = new Map<string, Set<string>>();
  async knownUrls(unitId: string) {
    return new Set(this.known.get(unitId));
  }
  async savePosts(posts: CollectedPost[]) {
    for (const p of posts) {
      const set = this.known.get(p.unitId) ?? new Set<string>();
      set.add(p.canonicalUrl);
      this.known.set(p.unitId, set);
    }
    this.posts += posts.length;
    return { inserted: posts.length, updated: 0 };
  }
  async recordFetch(e: { errorKind: string | null }) {
    this.fetches++;
    if (e.errorKind) this.failures++;
  }
  async updateSourceState() {}
}

async function startFixture(hosts: number): Promise<{ origins: string[]; stop: () => void }> {
  const serve = path.resolve(import.meta.dirname, '../fixtures/hostile-server/serve.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', serve, String(hosts)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`fixture server exited (${code})`)));
  });
  return { origins: JSON.parse(line) as string[], stop: () => child.kill('SIGTERM') };
}

export async function runCollectBench(o: BenchOptions): Promise<CollectBenchResult & { seconds: number; fetches: number; failures: number; loopP95Ms: number }> {
  const fixture = await startFixture(o.hosts);
  const store = new CountingStore();
  const fetch = {
    allowPrivate: ['loopback'],
    robots: new RobotsCache(ROBOTS_TOKEN),
    // No per-host delay: the bench measures our machinery, not politeness waits.
    limiter: new HostLimiter({ perHost: 2, minDelayMs: 0, global: o.concurrency * 2 }),
    retries: 0,
  };
  const pool = o.workers > 0 ? new ExtractPool({ size: o.workers }) : null;
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const probeMs: number[] = [];
  let probing = false;
  const prober = setInterval(() => {
    if (!o.probe || probing) return;
    probing = true;
    const t = performance.now();
    void o.probe().finally(() => {
      probeMs.push(performance.now() - t);
      probing = false;
    });
  }, 100);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < o.sources) {
      const i = next++;
      const origin = fixture.origins[i % fixture.origins.length]!;
      await collectSource(
        { id: i + 1, unitId: `u${i + 1}`, kind: 'feed', url: `${origin}/bench/${i + 1}/feed.xml?items=${o.items}`, listing: null, etag: null, lastModified: null, lastContentHash: null },
        { store, fetch, now: () => new Date(), maxArticles: o.items, ...(pool ? { extract: pool.extract } : {}) },
      );
    }
  };
  try {
    await Promise.all(Array.from({ length: o.concurrency }, worker));
  } finally {
    clearInterval(sampler);
    clearInterval(prober);
    loop.disable();
    fixture.stop();
    await pool?.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  return {
    sourcesPerSec: Math.round((o.sources / seconds) * 10) / 10,
    postsPerSec: Math.round((store.posts / seconds) * 10) / 10,
    peakRssMB: Math.round(peak / 1024 / 1024),
    apiP95Ms: p95(probeMs),
    seconds: Math.round(seconds * 10) / 10,
    fetches: store.fetches,
    failures: store.failures,
    loopP95Ms: Math.round(loop.percentile(95) / 1e6),
  };
}

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const opts = { sources: arg('sources', 1000), items: arg('items', 50), hosts: arg('hosts', 50), concurrency: arg('concurrency', 16), workers: arg('workers', 1) };
  const r = await runCollectBench(opts);
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify({ sourcesPerSec: r.sourcesPerSec, postsPerSec: r.postsPerSec, peakRssMB: r.peakRssMB, apiP95Ms: r.apiP95Ms }) + '\n');
  } else {
    const rows: Array<[string, string]> = [
      ['nguồn × bài', `${opts.sources} × ${opts.items} (${opts.hosts} máy chủ, ${opts.concurrency} nguồn song song, ${opts.workers} luồng trích xuất)`],
      ['thời gian', `${r.seconds} s`],
      ['nguồn/giây (sourcesPerSec)', String(r.sourcesPerSec)],
      ['bài/giây (postsPerSec)', String(r.postsPerSec)],
      ['lượt tải (lỗi)', `${r.fetches} (${r.failures})`],
      ['bộ nhớ đỉnh (peakRssMB)', `${r.peakRssMB} MB`],
      ['độ trễ vòng lặp sự kiện p95', `${r.loopP95Ms} ms`],
      ['API p95 (apiP95Ms)', 'null — cần máy chủ thật chạy song song để đo'],
    ];
    const w = Math.max(...rows.map(([k]) => k.length));
    process.stdout.write(rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n') + '\n');
  }
}
