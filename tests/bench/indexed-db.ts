// The benchmark database with its search index, as bench:dashboard and bench:load read it: generated
// (generate-db.ts) and indexed (dashboard/search-db.ts) in child processes, or found in the cache.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Database } from '../../server/src/db/connection';
import * as q from '../../server/src/db/queries';
import { CACHE_DIR, type BenchDb, type BenchSize } from './generate-db';
import { cachedSearchDb } from './dashboard/search-db';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function child(script: string, args: string[], quiet: boolean): string {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, script), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', quiet ? 'ignore' : 'inherit'],
    maxBuffer: 1 << 26,
  });
  return out.trim().split('\n').pop()!;
}

export interface IndexedBenchDb {
  /** DATA_DIR of the indexed copy (the server's). */
  dataDir: string;
  bench: BenchDb;
  /** Seconds the search index took to build (when it was built, else as cached). */
  indexSeconds: number;
  /** Every theme of the plan. */
  themeIds: string[];
}

export async function indexedBenchDb(size: BenchSize, opts: { quiet: boolean; say: (m: string) => void }): Promise<IndexedBenchDb> {
  opts.say(`Cơ sở dữ liệu benchmark (${size})…`);
  const dataDir = path.join(CACHE_DIR, `${size}-search`);
  const sourceDb = path.join(CACHE_DIR, size, 'tdtt.duckdb');
  let generated: BenchDb | null = null;
  try {
    generated = JSON.parse(child('tests/bench/generate-db.ts', ['--size', size, '--json'], opts.quiet)) as BenchDb;
  } catch (err) {
    // bench:export may hold the generated file open; our indexed copy is enough when it is current.
    if (!cachedSearchDb(sourceDb, dataDir)) throw err;
    opts.say('  (tệp benchmark đang được dùng; dùng bản sao đã có chỉ mục)');
  }
  opts.say('Chỉ mục tìm kiếm…');
  const index = JSON.parse(child('tests/bench/dashboard/search-db.ts', [generated?.dbPath ?? sourceDb, dataDir], opts.quiet)) as { seconds: number };
  // The bench marker and the plan's themes are read before the server takes the file (one writer).
  const probe = await Database.open(path.join(dataDir, 'tdtt.duckdb'));
  try {
    const bench = generated ?? (JSON.parse((await q.getSetting(probe, 'bench_db'))!) as { db: BenchDb }).db;
    const themeIds = (await q.planThemes(probe, bench.planId)).map((t) => t.id);
    return { dataDir, bench, indexSeconds: index.seconds, themeIds };
  } finally {
    await probe.close();
  }
}

/** The p-th percentile (nearest rank) of xs. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
