import path from 'node:path';
import { z } from 'zod';
import { trustProxyEntryError } from './auth/trusted-proxy';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/**
 * DuckDB's memory limit while pages are served, from the measured rule in README "Memory": twice
 * (what stays resident — indexes, cached blocks, rows not yet checkpointed — plus four concurrent
 * reads at their largest). 64 MB had no headroom: 40 requests at once answered 500.
 */
export const DEFAULT_DUCKDB_MEMORY_LIMIT = '256MB';
const memorySize = z.string().regex(/^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$/i, 'ví dụ 512MB, 2GB');

/** Every environment variable the server reads, validated once at start. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DEMO: bool.optional(),
  DEMO_SEED: z.coerce.number().int().default(1),
  SCHEDULER: bool.default(true),
  COLLECT_SCHEDULE: z.string().default('*/30 * * * *'),
  CLASSIFY_SCHEDULE: z.string().default('5 * * * *'),
  ROLLUP_SCHEDULE: z.string().default('15 * * * *'),
  COLLECT_ON_START: bool.default(true),
  ALLOW_PRIVATE_HOSTS: z.string().default(''),
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .superRefine((entries, ctx) => {
      for (const e of entries) {
        const problem = trustProxyEntryError(e);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }
    }),
  COLLECT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  COLLECT_HOST_DELAY_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  HORIZON_DAYS: z.coerce.number().int().min(1).default(548),
  ADMIN_USER: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  WEB_DIR: z.string().optional(),
  DUCKDB_MEMORY_LIMIT: memorySize.default(DEFAULT_DUCKDB_MEMORY_LIMIT),
  DUCKDB_JOB_MEMORY_LIMIT: memorySize.optional(),
  QUEUE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'ví dụ postgres://user@host:5432/tdtt').optional(),
  LOAD_SCHEDULE: z.string().default('* * * * *'),
  QUEUE_JOB_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(86_400).default(900),
  QUEUE_LOAD_BATCH: z.coerce.number().int().min(1).max(100_000).default(1000),
  SNAPSHOT_DIR: z.string().optional(),
  SNAPSHOT_SCHEDULE: z.string().default('*/5 * * * *'),
  REPLICA_DIR: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  dbPath: string;
  /** Start the bundled demo world (default when nothing else is configured). */
  demo: boolean;
  demoSeed: number;
  scheduler: boolean;
  schedules: { collect: string; classify: string; rollup: string; load: string; snapshot: string };
  collectOnStart: boolean;
  /** Hosts or addresses the collector may reach even though they are private (loopback, LAN). */
  allowPrivateHosts: string[];
  collectConcurrency: number;
  /** Reverse proxies whose X-Forwarded-For is believed (addresses, CIDRs, `loopback`); empty: none. */
  trustProxy: string[];
  /** Minimum gap between two requests to one host (politeness); the demo's own loopback sites need none. */
  hostDelayMs: number;
  horizonDays: number;
  admin: { username: string; password: string } | null;
  webDir: string;
  /** DuckDB's memory_limit while pages are served (its buffer pool and query memory). */
  duckdbMemoryLimit: string;
  /** DuckDB's memory_limit while jobs run; null: DuckDB's default, 80 % of the machine's memory. */
  duckdbJobMemoryLimit: string | null;
  /**
   * PostgreSQL of the collection queue (docs/scale.md): collectors on other machines fetch, the
   * server enqueues and loads. Null: the one-machine default, the server collects itself.
   */
  queueUrl: string | null;
  /** A collection job still running this long is taken for dead (its collector crashed) and retried. */
  queueJobTimeoutSeconds: number;
  /** Landed posts moved into DuckDB per transaction. */
  queueLoadBatch: number;
  /** Where the server publishes DuckDB snapshots for dashboard replicas; null: none. */
  snapshotDir: string | null;
  /** Set on a dashboard replica: serve, read-only, the newest snapshot in this folder. */
  replicaDir: string | null;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if ((e.ADMIN_USER && !e.ADMIN_PASSWORD) || (!e.ADMIN_USER && e.ADMIN_PASSWORD)) {
    throw new ConfigError('Cấu hình không hợp lệ:\n  ADMIN_USER và ADMIN_PASSWORD phải đi cùng nhau');
  }
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    dbPath: path.join(dataDir, 'tdtt.duckdb'),
    demo: e.DEMO ?? true,
    demoSeed: e.DEMO_SEED,
    scheduler: e.SCHEDULER,
    schedules: { collect: e.COLLECT_SCHEDULE, classify: e.CLASSIFY_SCHEDULE, rollup: e.ROLLUP_SCHEDULE, load: e.LOAD_SCHEDULE, snapshot: e.SNAPSHOT_SCHEDULE },
    collectOnStart: e.COLLECT_ON_START,
    allowPrivateHosts: e.ALLOW_PRIVATE_HOSTS.split(',').map((s) => s.trim()).filter(Boolean),
    collectConcurrency: e.COLLECT_CONCURRENCY,
    trustProxy: e.TRUST_PROXY,
    hostDelayMs: e.COLLECT_HOST_DELAY_MS ?? (e.DEMO === false ? 250 : 0),
    horizonDays: e.HORIZON_DAYS,
    admin: e.ADMIN_USER && e.ADMIN_PASSWORD ? { username: e.ADMIN_USER, password: e.ADMIN_PASSWORD } : null,
    duckdbMemoryLimit: e.DUCKDB_MEMORY_LIMIT,
    duckdbJobMemoryLimit: e.DUCKDB_JOB_MEMORY_LIMIT ?? null,
    queueUrl: e.QUEUE_URL ?? null,
    queueJobTimeoutSeconds: e.QUEUE_JOB_TIMEOUT_SECONDS,
    queueLoadBatch: e.QUEUE_LOAD_BATCH,
    snapshotDir: e.SNAPSHOT_DIR ? path.resolve(cwd, e.SNAPSHOT_DIR) : null,
    replicaDir: e.REPLICA_DIR ? path.resolve(cwd, e.REPLICA_DIR) : null,
    webDir: path.resolve(cwd, e.WEB_DIR ?? path.join(import.meta.dirname ?? '.', '../../web/build')),
  };
}
