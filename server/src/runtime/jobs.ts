import { classifyPosts, ClassifyPool } from '@tdtt/jobs/classify';
import { ExtractPool, HostLimiter, RobotsCache, ROBOTS_TOKEN, type FetchOptions } from '@tdtt/jobs/collect';
import { collectSource } from '@tdtt/jobs/pipeline';
import { JobRunner } from '@tdtt/jobs/schedule';
import type { Config } from '../config';
import type { Database } from '../db/connection';
import * as q from '../db/queries';
import { currentModelVersion, loadClassifierInputs, setCurrentModelVersion } from './model';
import { markReposts } from './reposts';
import { ALL_DAYS, markRollupDirty, runRollup, takeRollupDirty } from './rollup';
import { indexNewPosts } from '../search';
import { DuckDbStore } from './store';
import type { QueueBridge } from './queue-bridge';
import { discoverWebsites } from './discover';
import { publishSnapshot } from './snapshot';
import { mkdirSync } from 'node:fs';


export interface Jobs {
  runner: JobRunner;
  store: DuckDbStore;
  /** collect → classify → rollup, as the schedule and the first start run them. */
  runPipeline(opts?: { progressiveMs?: number }): Promise<void>;
  /** Article extraction in the worker pool (started on first use), for the API's "Tải thử" too. */
  extract: (input: Parameters<ExtractPool['extract']>[0]) => ReturnType<ExtractPool['extract']>;
  /** Waits for runs under way and stops the extraction and classification workers. */
  close(): Promise<void>;
}

async function mapLimit<T>(items: T[], limit: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(workers);
}

export function createJobs(db: Database, config: Config, opts: { now?: () => Date; log?: (msg: string, err?: unknown) => void } = {}): Jobs {
  const now = opts.now ?? (() => new Date());
  const store = new DuckDbStore(db, now);
  const runner = new JobRunner(store, {
    now,
    onError: (job, err) => opts.log?.(`job ${job} failed`, err),
    around: (run) => db.withJobMemory(run),
  });
  const fetch: FetchOptions = {
    allowPrivate: config.allowPrivateHosts,
    limiter: new HostLimiter({ perHost: 2, minDelayMs: config.hostDelayMs, global: config.collectConcurrency * 2 }),
    robots: new RobotsCache(ROBOTS_TOKEN),
  };
  // Article extraction (Readability on a DOM) is the CPU-heavy part of a collection: it runs in
  // worker threads, started on the first collection, so pages stay responsive meanwhile.
  let pool: ExtractPool | null = null;
  const extract = (input: Parameters<ExtractPool['extract']>[0]) => (pool ??= new ExtractPool()).extract(input);

  // Beyond one machine (QUEUE_URL): collectors elsewhere fetch; here "collect" enqueues the due
  // sources and "load" moves what they landed into DuckDB. Loaded lazily: the one-machine default
  // needs no PostgreSQL client.
  let bridge: Promise<QueueBridge> | null = null;
  const queue = () => (bridge ??= import('./queue-bridge').then((m) => m.openQueueBridge(db, store, config.queueUrl!, { jobTimeoutSeconds: config.queueJobTimeoutSeconds, batch: config.queueLoadBatch })));
  const afterNewPosts = async () => {
    const { reposts } = await markReposts(db);
    const { indexed } = await indexNewPosts(db);
    return { reposts, indexed };
  };

  // Dashboard replicas read the snapshots this job publishes (docs/scale.md).
  if (config.snapshotDir) {
    const dir = config.snapshotDir;
    runner.register('snapshot', async () => {
      mkdirSync(dir, { recursive: true });
      return publishSnapshot(db, dir, now());
    });
  }

  if (config.queueUrl) runner.register('load', async () => {
    const moved = await (await queue()).load(now());
    return { ...moved, ...(moved.inserted ? await afterNewPosts() : {}) };
  });

  runner.register('collect', async (ctx) => {
    if (config.queueUrl) {
      const b = await queue();
      const moved = await b.load(now());
      const enqueued = await b.enqueueDue(now());
      return { ...enqueued, ...moved, ...(moved.inserted ? await afterNewPosts() : {}) };
    }
    const sources = await q.dueSources(db, now());
    let done = 0;
    const totals = { sources: sources.length, failed: 0, unchanged: 0, newPosts: 0, fetched: 0, errors: 0 };
    ctx.progress(0, sources.length);
    await mapLimit(sources, config.collectConcurrency, async (source) => {
      try {
        const s = await collectSource(source, { store, fetch, now, extract, horizonDays: config.horizonDays, maxArticles: 5000 });
        totals.newPosts += s.newPosts;
        totals.fetched += s.fetched;
        totals.errors += s.errors.length;
        if (!s.ok) totals.failed++;
        // Counted so the run can say why it found nothing.
        if (s.status === 'unchanged' || s.status === 'not-modified') totals.unchanged++;
      } catch (err) {
        // A bug in one source's run must not stop the others; it is logged with the source id.
        totals.failed++;
        opts.log?.(`collect source ${source.id} (${source.url})`, err);
      }
      ctx.progress(++done, sources.length);
    });
    await store.flushFetchLog();
    return { ...totals, ...(await afterNewPosts()) };
  });

  // Classification too runs in worker threads; the pool lives while its classifier version does.
  let classifyPool: ClassifyPool | null = null;

  runner.register('classify', async (ctx) => {
    const inputs = await loadClassifierInputs(db);
    if (classifyPool?.version !== inputs.version) {
      await classifyPool?.close();
      classifyPool = new ClassifyPool(inputs);
    }
    const classifier = classifyPool;
    const previous = await currentModelVersion(db);
    const stats = await classifyPosts(store, classifier, { onProgress: (d, t) => ctx.progress(d, t) });
    if (previous !== classifier.version) {
      await setCurrentModelVersion(db, classifier.version);
      await markRollupDirty(db, ALL_DAYS);
    }
    return { ...stats, modelVersion: classifier.version };
  });

  runner.register('rollup', async (ctx) => {
    const from = await takeRollupDirty(db);
    if (from === null) return { skipped: true };
    try {
      return { from, ...(await runRollup(db, from === ALL_DAYS ? null : from, now(), (d, t) => ctx.progress(d, t))) };
    } catch (err) {
      await markRollupDirty(db, from); // try again next time
      throw err;
    }
  });

  // Websites of the unit registry without sources yet (after an import or an edit).
  runner.register('discover', (ctx) => discoverWebsites(db, fetch, now, ctx));

  return {
    runner,
    store,
    extract,
    async runPipeline(opts = {}) {
      const collecting = runner.runFresh('collect');
      // Progressive: classify and roll up what has arrived every few seconds, so a first
      // collection (which backfills 18 months) fills the dashboard while it is still running.
      const timer = opts.progressiveMs
        ? setInterval(() => {
            if (runner.isRunning('classify') || runner.isRunning('rollup')) return;
            void runner.run('classify').then(() => runner.run('rollup')).catch(() => undefined);
          }, opts.progressiveMs)
        : null;
      try {
        await collecting;
      } finally {
        if (timer) clearInterval(timer);
      }
      await runner.runFresh('classify');
      await runner.runFresh('rollup');
    },
    async close() {
      await runner.idle();
      await pool?.close();
      pool = null;
      await classifyPool?.close();
      classifyPool = null;
      if (bridge) await (await bridge).close();
      bridge = null;
    },
  };
}
