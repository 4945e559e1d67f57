import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Scheduler } from '@tdtt/jobs/schedule';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { Database } from './db/connection';
import { loadMigrations, migrate, schemaVersion } from './db/migrate';
import { ReadBusyError } from './db/read-pool';
import { closeAbandonedRuns } from './db/queries';
import { ensureAdmin } from './auth';
import type { DemoHandle } from './runtime/demo';
import { createJobs, type Jobs } from './runtime/jobs';
import { currentSnapshot } from './runtime/snapshot';

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
  if (config.replicaDir) return startReplica(config);
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
    if (config.snapshotDir) scheduler.add('snapshot', config.schedules.snapshot);
    scheduler.start();
  }

  const app = createApp({ db, config, runner: jobs.runner, scheduler, now, extract: jobs.extract }, { log });
  const { server, url } = await listen(app, config);

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
      await closeHttp(server);
      // A run under way gets a few seconds to finish; committed posts are safe either way.
      await Promise.race([jobs.close(), new Promise((r) => setTimeout(r, 10_000).unref())]);
      await demo?.close();
      await db.close();
    },
  };
}

async function listen(app: ReturnType<typeof createApp>, config: Config) {
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  log(`Theo dõi tuyên truyền đang chạy tại ${url}`);
  return { server, url };
}

function closeHttp(server: ReturnType<typeof serve>): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Idle keep-alive sockets would hold close() open until they time out.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}

/**
 * A dashboard replica (docs/scale.md): serves the newest snapshot the primary published, read-only,
 * and moves to a newer one as soon as it appears. No migrations, jobs, scheduler or demo.
 */
async function startReplica(config: Config): Promise<Server> {
  const dir = config.replicaDir!;
  const first = currentSnapshot(dir);
  if (!first) throw new ConfigError(`Chưa có bản chụp cơ sở dữ liệu nào trong ${dir}: hãy bật SNAPSHOT_DIR trên máy chủ chính và chờ bản chụp đầu tiên`);
  const db = await Database.open(first, { memoryLimit: config.duckdbMemoryLimit, jobMemoryLimit: config.duckdbJobMemoryLimit, readers: 4, log, readOnly: true });
  const expected = Math.max(...loadMigrations().map((m) => m.version));
  const version = await schemaVersion(db);
  if (version !== expected) {
    await db.close();
    throw new ConfigError(`Bản chụp có lược đồ phiên bản ${version}, mã này cần ${expected}: hãy chạy cùng phiên bản với máy chủ chính`);
  }
  const now = () => new Date();
  const jobs = createJobs(db, config, { now, log });
  const app = createApp({ db, config, runner: jobs.runner, scheduler: null, now }, { log, readOnly: true });
  const { server, url } = await listen(app, config);
  log(`bản sao chỉ đọc: ${path.basename(first)}`);
  let switching = false;
  const watch = setInterval(() => {
    const next = currentSnapshot(dir);
    if (!next || next === db.path || switching) return;
    switching = true;
    db.reopen(next).then(
      () => log(`bản sao chuyển sang ${path.basename(next)}`),
      (err) => log(`không mở được bản chụp ${next}`, err),
    ).finally(() => (switching = false));
  }, 1000);
  watch.unref();
  return {
    url,
    config,
    db,
    jobs,
    demo: null,
    firstRun: null,
    async close() {
      clearInterval(watch);
      await closeHttp(server);
      await jobs.close();
      await db.close();
    },
  };
}

function replicaArg(argv: string[]): string | undefined {
  const i = argv.indexOf('--replica');
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main() {
  let config: Config;
  try {
    // `npm run serve -- --replica DIR` is REPLICA_DIR=DIR.
    const replica = replicaArg(process.argv.slice(2));
    config = loadConfig(replica ? { ...process.env, REPLICA_DIR: replica } : process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  let server: Server;
  try {
    server = await startServer(config);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  // A read refused by the full read pool (db/read-pool.ts) in work nobody awaits any more must not
  // end the process; every other unhandled rejection still does, as Node's default.
  process.on('unhandledRejection', (err) => {
    if (err instanceof ReadBusyError) log('background read refused (read pool busy)', err);
    else throw err;
  });
  const stop = async () => {
    log('đang dừng…');
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
