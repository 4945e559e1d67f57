import { mkdirSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Scheduler } from '@tdtt/jobs/schedule';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { Database } from './db/connection';
import { migrate } from './db/migrate';
import { closeAbandonedRuns } from './db/queries';
import { ensureAdmin } from './auth';
import type { DemoHandle } from './runtime/demo';
import { createJobs, type Jobs } from './runtime/jobs';

function log(msg: string, err?: unknown) {
  const detail = err instanceof Error ? `: ${err.stack ?? err.message}` : err ? `: ${String(err)}` : '';
  console.log(`[${new Date().toISOString()}] ${msg}${detail}`);
}

export interface Server {
  url: string;
  config: Config;
  db: Database;
  jobs: Jobs;
  /** The demo world when started with it (its generator knows the truth tests compare with). */
  demo: DemoHandle | null;
  /** The first collection → classification → roll-up, when started with COLLECT_ON_START. */
  firstRun: Promise<void> | null;
  close(): Promise<void>;
}

/** config → database → migrations → (demo world) → jobs and scheduler → HTTP. */
export async function startServer(config: Config): Promise<Server> {
  mkdirSync(config.dataDir, { recursive: true });
  // Four readers: a page asks several small queries at once, and they should not queue behind each
  // other; more requests wait in the read pool's queue (db/read-pool.ts, README "Memory").
  const db = await Database.open(config.dbPath, {
    memoryLimit: config.duckdbMemoryLimit,
    jobMemoryLimit: config.duckdbJobMemoryLimit,
    readers: 4,
    log,
  });
  const applied = await migrate(db);
  if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
  const now = () => new Date();
  await closeAbandonedRuns(db, now());
  const admin = await ensureAdmin(db, config.admin);
  if (admin) log(`administrator "${admin.username}": ${admin.action}`);

  let demo: DemoHandle | null = null;
  if (config.demo) {
    const { bootDemo } = await import('./runtime/demo');
    demo = await bootDemo(db, config, { log });
  }

  const jobs = createJobs(db, config, { now, log });
  const scheduler = config.scheduler ? new Scheduler(jobs.runner, { onError: (job, err) => log(`scheduled ${job} failed`, err) }) : null;
  if (scheduler) {
    scheduler.add('collect', config.schedules.collect, ['classify', 'rollup']);
    scheduler.add('classify', config.schedules.classify, ['rollup']);
    scheduler.add('rollup', config.schedules.rollup);
    if (config.queueUrl) scheduler.add('load', config.schedules.load, ['classify', 'rollup']);
    scheduler.start();
  }

  const app = createApp({ db, config, runner: jobs.runner, scheduler, now }, { log });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  log(`Theo dõi tuyên truyền đang chạy tại ${url}`);

  const firstRun = config.collectOnStart
    ? jobs.runPipeline({ progressiveMs: 10_000 }).then(
        () => log('first collection, classification and roll-up done'),
        (err) => log('first pipeline run failed', err),
      )
    : null;

  return {
    url,
    config,
    db,
    jobs,
    demo,
    firstRun,
    async close() {
      await scheduler?.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets would hold close() open until they time out.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      // A run under way gets a few seconds to finish; committed posts are safe either way.
      await Promise.race([jobs.close(), new Promise((r) => setTimeout(r, 10_000).unref())]);
      await demo?.close();
      await db.close();
    },
  };
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const server = await startServer(config);
  const stop = async () => {
    log('đang dừng…');
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
