// The benchmark database plus the search index: a copy of generate-db's file (left untouched for
// bench:export) with migrations applied and the index rebuilt, cached under .cache/<size>-search/.
//   node --import tsx tests/bench/dashboard/search-db.ts <source.duckdb> <target dir>
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Database } from '../../../server/src/db/connection';
import { migrate } from '../../../server/src/db/migrate';
import { rebuildSearchIndex } from '../../../server/src/search';

/** Bump when the index format changes. */
const VERSION = 5;

interface Marker {
  version: number;
  source: string;
  sourceMtimeMs: number;
  sourceSize: number;
  seconds: number;
}

function markerFor(source: string): Omit<Marker, 'seconds'> {
  const st = statSync(source);
  return { version: VERSION, source, sourceMtimeMs: Math.round(st.mtimeMs), sourceSize: st.size };
}

/** The cached copy when it matches the source file, else null. */
export function cachedSearchDb(source: string, dir: string): Marker | null {
  const file = path.join(dir, 'search.json');
  if (!existsSync(file) || !existsSync(path.join(dir, 'tdtt.duckdb'))) return null;
  const m = JSON.parse(readFileSync(file, 'utf8')) as Marker;
  const want = markerFor(source);
  return m.version === want.version && m.sourceSize === want.sourceSize && m.sourceMtimeMs === want.sourceMtimeMs ? m : null;
}

export async function buildSearchDb(source: string, dir: string, log: (m: string) => void): Promise<Marker> {
  const marker = markerFor(source);
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  copyFileSync(source, path.join(building, 'tdtt.duckdb'));
  if (existsSync(`${source}.wal`)) copyFileSync(`${source}.wal`, path.join(building, 'tdtt.duckdb.wal'));
  const started = performance.now();
  const db = await Database.open(path.join(building, 'tdtt.duckdb'));
  try {
    await migrate(db);
    let last = 0;
    await rebuildSearchIndex(db, {
      onProgress: (n) => {
        if (n - last >= 250_000) {
          last = n;
          log(`  chỉ mục: ${n.toLocaleString('en')} bài, ${((performance.now() - started) / 1000).toFixed(0)} s`);
        }
      },
    });
  } finally {
    await db.close();
  }
  const done: Marker = { ...marker, seconds: Math.round((performance.now() - started) / 1000) };
  writeFileSync(path.join(building, 'search.json'), JSON.stringify(done));
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  return done;
}

async function main() {
  const [source, dir] = process.argv.slice(2);
  if (!source || !dir) throw new Error('usage: search-db.ts <source.duckdb> <target dir>');
  const m = cachedSearchDb(source, dir) ?? (await buildSearchDb(source, dir, (msg) => console.error(msg)));
  console.log(JSON.stringify(m));
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
