// The benchmark database (shared with bench:dashboard): 5,000 units, one plan of 60 themes in three
// phases, N posts with matches, written in bulk through the real migrations, then the real roll-up.
// Cached under tests/bench/.cache/<size>/tdtt.duckdb, so reruns start at once.
//   node --import tsx tests/bench/generate-db.ts [--size small|full] [--force] [--json]
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Database } from '../../server/src/db/connection';
import { loadMigrations, migrate } from '../../server/src/db/migrate';
import * as q from '../../server/src/db/queries';
import { loadClassifier, setCurrentModelVersion } from '../../server/src/runtime/model';
import { importPlanText } from '../../server/src/runtime/plans';
import { runRollup } from '../../server/src/runtime/rollup';
import { BENCH_MONTH, FIRST_DAY, LAST_DAY, benchPlanText } from './generate-db/plan-text';
import { syllableCount } from './generate-db/article-text';
import { insertMatches, insertPosts, insertUnits } from './generate-db/sql';

export type BenchSize = 'small' | 'full';
export const SIZES: Record<BenchSize, { units: number; posts: number }> = {
  small: { units: 500, posts: 500_000 },
  full: { units: 5_000, posts: 5_000_000 },
};
/** Bump when the generated content or its roll-ups change, so stale caches are rebuilt. */
const VERSION = 6;
const MARKER = 'bench_db';

export interface BenchDb {
  /** DATA_DIR for the server: holds tdtt.duckdb. */
  dataDir: string;
  dbPath: string;
  size: BenchSize;
  planId: string;
  /** A month with every theme active (the benchmarked table). */
  month: string;
  units: number;
  themes: number;
  posts: number;
  /** Median syllables of a post's text (a sample of 2,000): real articles run to several hundred. */
  medianSyllables: number;
  generatedSeconds: number | null;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const CACHE_DIR = path.join(here, '.cache');

export function parseSize(argv: string[]): BenchSize {
  const i = argv.indexOf('--size');
  const v = i >= 0 ? argv[i + 1] : (argv.find((a) => a.startsWith('--size='))?.slice(7) ?? 'full');
  if (v !== 'small' && v !== 'full') throw new Error(`--size phải là small hoặc full (nhận: ${v})`);
  return v;
}

/** The cached database for `size`, generated first when missing or stale. */
export async function ensureBenchDb(size: BenchSize, opts: { force?: boolean; log?: (msg: string) => void } = {}): Promise<BenchDb> {
  const log = opts.log ?? (() => undefined);
  const dataDir = path.join(CACHE_DIR, size);
  const dbPath = path.join(dataDir, 'tdtt.duckdb');
  if (!opts.force && existsSync(dbPath)) {
    const db = await Database.open(dbPath);
    try {
      const info = await readMarker(db);
      if (info?.version === VERSION && (await migrationsStillShipped(db))) return { ...info.db, dataDir, dbPath, size, generatedSeconds: null };
    } finally {
      await db.close();
    }
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(path.join(CACHE_DIR, '.gitignore'), '*\n');
  const building = path.join(CACHE_DIR, `${size}.building`);
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const started = performance.now();
  const built = await generate(path.join(building, 'tdtt.duckdb'), size, log);
  rmSync(dataDir, { recursive: true, force: true });
  renameSync(building, dataDir);
  return { ...built, dataDir, dbPath, size, generatedSeconds: (performance.now() - started) / 1000 };
}

type Generated = Pick<BenchDb, 'planId' | 'month' | 'units' | 'themes' | 'posts' | 'medianSyllables'>;

/** A cache built under migrations since renumbered or removed (work in progress elsewhere) is rebuilt. */
async function migrationsStillShipped(db: Database): Promise<boolean> {
  const shipped = new Set(loadMigrations().map((m) => `${m.version}|${m.name}`));
  const applied = await db.all<{ version: number; name: string }>(`SELECT version, name FROM schema_version`);
  return applied.every((m) => shipped.has(`${m.version}|${m.name}`));
}

async function readMarker(db: Database): Promise<{ version: number; db: Generated } | null> {
  try {
    const raw = await q.getSetting(db, MARKER);
    return raw ? (JSON.parse(raw) as { version: number; db: Generated }) : null;
  } catch {
    return null;
  }
}

async function generate(file: string, size: BenchSize, log: (msg: string) => void): Promise<Generated> {
  const { units, posts } = SIZES[size];
  const db = await Database.open(file);
  try {
    await migrate(db);
    const step = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
      const t = performance.now();
      const r = await fn();
      log(`  ${what}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
      return r;
    };
    await step(`${units} units`, async () => {
      await insertUnits(db, units);
      await q.recomputeHierarchy(db);
    });
    const imported = await step('plan', () => importPlanText(db, benchPlanText(), { isDefault: true, unitIds: ['u0'] }));
    if (!imported.ok) throw new Error(`bench plan: ${imported.message}`);
    const themes = await q.planThemes(db, imported.planId);
    const version = (await loadClassifier(db)).version;
    await setCurrentModelVersion(db, version);
    await step(`${posts} posts`, () => insertPosts(db, posts, units, FIRST_DAY, LAST_DAY));
    const sample = await db.all<{ text: string }>(`SELECT text FROM posts USING SAMPLE 2000 ROWS (reservoir, 7)`);
    const syllables = sample.map((r) => syllableCount(r.text)).sort((a, b) => a - b);
    const medianSyllables = syllables[syllables.length >> 1] ?? 0;
    log(`  median post: ${medianSyllables} syllables`);
    await step('matches', () => insertMatches(db, version, themes.map((t) => t.id)));
    await step('roll-up', () => runRollup(db, null, new Date(`${LAST_DAY}T12:00:00Z`)));
    await db.run('CHECKPOINT');
    const info: Generated = { planId: imported.planId, month: BENCH_MONTH, units, themes: themes.length, posts, medianSyllables };
    await q.setSetting(db, MARKER, JSON.stringify({ version: VERSION, db: info }));
    return info;
  } finally {
    await db.close();
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const size = parseSize(argv);
  const json = argv.includes('--json');
  const info = await ensureBenchDb(size, { force: argv.includes('--force'), log: json ? undefined : (m) => console.log(m) });
  if (json) console.log(JSON.stringify(info));
  else console.log(`${info.dbPath}: ${info.units} units, ${info.themes} themes, ${info.posts} posts${info.generatedSeconds === null ? ' (cached)' : `, generated in ${info.generatedSeconds.toFixed(1)} s`}`);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
