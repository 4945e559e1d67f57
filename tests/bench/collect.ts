// npm run bench:collect [-- --json] [-- --sources 1000 --items 50 --hosts 50 --concurrency 16]
// Small and fast: npm run bench:collect -- --sources 50
// Default: the real server (temp DuckDB) registers N fixture sources × M items, runs
// collect → classify → roll-up once, while a signed-in client probes /api/coverage and
// /api/health every ~50 ms; prints throughput, peak memory and the API p95 (apiP95Ms).
// --collector-only: the collector alone into a counting store (--workers extraction threads), no API.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { ExtractPool, HostLimiter, RobotsCache, ROBOTS_TOKEN } from '@tdtt/jobs/collect';
import { collectSource } from '@tdtt/jobs/pipeline';
import type { CollectStore, CollectedPost } from '@tdtt/jobs/ports';
import { p95, runServerCollectBench, startFixture } from './collect-api';

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
  const collectorOnly = process.argv.includes('--collector-only');
  const r = collectorOnly ? await runCollectBench(opts) : await runServerCollectBench(opts);
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify({ sourcesPerSec: r.sourcesPerSec, postsPerSec: r.postsPerSec, peakRssMB: r.peakRssMB, apiP95Ms: r.apiP95Ms }) + '\n');
  } else {
    const rows: Array<[string, string]> = [
      ['nguồn × bài', `${opts.sources} × ${opts.items} (${opts.hosts} máy chủ, ${opts.concurrency} nguồn song song${collectorOnly ? `, ${opts.workers} luồng trích xuất` : ''})`],
      ...('loopP95Ms' in r
        ? ([
            ['thời gian', `${r.seconds} s`],
            ['lượt tải (lỗi)', `${r.fetches} (${r.failures})`],
            ['độ trễ vòng lặp sự kiện p95', `${r.loopP95Ms} ms`],
          ] as Array<[string, string]>)
        : ([
            ['thời gian thu thập / cả lượt', `${r.collectSeconds} s / ${r.seconds} s (thu thập → phân loại → tổng hợp)`],
            ['bài đã lưu', String(r.posts)],
            ['lượt gọi API (lỗi), tối đa', `${r.probes} (${r.probeErrors}), ${r.apiMaxMs} ms`],
            ['p95 /api/health · /api/coverage', `${r.healthP95Ms} ms · ${r.coverageP95Ms} ms`],
          ] as Array<[string, string]>)),
      ['nguồn/giây (sourcesPerSec)', String(r.sourcesPerSec)],
      ['bài/giây (postsPerSec)', String(r.postsPerSec)],
      ['bộ nhớ đỉnh (peakRssMB)', `${r.peakRssMB} MB`],
      ['API p95 (apiP95Ms)', r.apiP95Ms === null ? 'null — chỉ đo khi chạy với máy chủ thật (bỏ --collector-only)' : `${r.apiP95Ms} ms`],
    ];
    const w = Math.max(...rows.map(([k]) => k.length));
    process.stdout.write(rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n') + '\n');
  }
}
