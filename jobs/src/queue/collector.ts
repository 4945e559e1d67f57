import pg from 'pg';
import type PgBoss from 'pg-boss';
import { RobotsCache, ROBOTS_TOKEN, type FetchOptions } from '../collect/fetch';
import type { ExtractInput, ExtractedArticle } from '../collect/extract';
import { collectSource, type CollectSummary } from '../pipeline/collect-source';
import { COLLECT_QUEUE, openQueue, type CollectJobData, type QueueTiming } from './collect-queue';
import { PgHostLimiter, type PgHostLimiterOptions } from './host-limiter';
import { PgLandingStore } from './landing-store';
import { ensureLandingSchema } from './schema';

// A stateless collector process: takes "collect source S" jobs from the queue, collects the source
// as the one-machine server does (collectSource), lands posts, fetch events and source state in
// PostgreSQL. Any number of them can run on any number of machines.

export interface CollectorOptions {
  queueUrl: string;
  /** Sources collected at once by this process. */
  concurrency?: number;
  allowPrivate?: readonly string[];
  horizonDays?: number;
  hosts?: PgHostLimiterOptions;
  timing?: QueueTiming;
  /** Idle gap between two looks at an empty queue. */
  idlePollMs?: number;
  extract?: (input: ExtractInput) => ExtractedArticle | Promise<ExtractedArticle>;
  now?: () => Date;
  onSource?: (s: CollectSummary) => void;
  log?: (msg: string, err?: unknown) => void;
}

export interface CollectorHandle {
  /** Stops taking jobs; waits for the sources under way. */
  stop(): Promise<void>;
  readonly stats: { sources: number; failed: number; newPosts: number };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startCollector(opts: CollectorOptions): Promise<CollectorHandle> {
  const concurrency = opts.concurrency ?? 16;
  const pool = new pg.Pool({ connectionString: opts.queueUrl, max: Math.max(4, concurrency + 2) });
  pool.on('error', (err) => opts.log?.('postgres', err));
  await ensureLandingSchema(pool);
  const boss: PgBoss = await openQueue(opts.queueUrl, opts.timing);
  const store = new PgLandingStore(pool);
  const fetch: FetchOptions = {
    allowPrivate: opts.allowPrivate,
    limiter: new PgHostLimiter(pool, { global: concurrency * 4, ...opts.hosts }),
    robots: new RobotsCache(ROBOTS_TOKEN),
  };
  const now = opts.now ?? (() => new Date());
  const stats = { sources: 0, failed: 0, newPosts: 0 };
  let stopping = false;

  async function handle(job: PgBoss.Job<CollectJobData>): Promise<void> {
    const source = await store.source(job.data.sourceId);
    if (!source) return; // paused or removed since it was queued
    const s = await collectSource(source, { store, fetch, now, extract: opts.extract, horizonDays: opts.horizonDays, maxArticles: 5000 });
    await store.flushFetchLog();
    stats.sources++;
    stats.newPosts += s.newPosts;
    if (!s.ok) stats.failed++;
    opts.onSource?.(s);
  }

  // Our own loops over boss.fetch instead of boss.work: each takes the next job as soon as its
  // source is done (work() waits out its polling interval even when jobs are waiting).
  const loop = async () => {
    while (!stopping) {
      let jobs: PgBoss.Job<CollectJobData>[];
      try {
        jobs = await boss.fetch<CollectJobData>(COLLECT_QUEUE, { batchSize: 1 });
      } catch (err) {
        opts.log?.('queue fetch failed', err);
        await sleep(1000);
        continue;
      }
      const job = jobs[0];
      if (!job) {
        await sleep(opts.idlePollMs ?? 500);
        continue;
      }
      try {
        await handle(job);
        await boss.complete(COLLECT_QUEUE, job.id);
      } catch (err) {
        // A failed job is retried (queue retryLimit) by whichever collector takes it next.
        opts.log?.(`collect source ${job.data.sourceId} failed`, err);
        await boss.fail(COLLECT_QUEUE, job.id, { message: err instanceof Error ? err.message : String(err) }).catch(() => undefined);
      }
    }
  };
  const loops = Array.from({ length: concurrency }, loop);

  return {
    stats,
    async stop() {
      stopping = true;
      await Promise.all(loops);
      await store.flushFetchLog().catch(() => undefined);
      await boss.stop({ graceful: true, wait: true, close: true });
      await pool.end();
    },
  };
}
