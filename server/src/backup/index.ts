// Backups of a running install (docs/deploy.md). DuckDB lets one process write the file, so the copy
// is made by the server: one transaction copies every table into a new file (COPY FROM DATABASE),
// consistent even while a collection writes. Restore puts such a file in place of a data folder's
// database, server stopped, and checks it opens and migrates.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/connection';
import * as q from '../db/queries';

/** The tables whose row counts restore prints (and the backup test compares). */
export const COUNTED_TABLES = ['units', 'sources', 'plans', 'plan_units', 'posts', 'post_themes', 'users', 'audit_log', 'unit_scores'] as const;

export function backupName(now: Date): string {
  return `tdtt-backup-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.duckdb`;
}

/** Writes `dir/tdtt-backup-<time>.duckdb` (a .tmp first, renamed when complete). */
export async function writeBackup(db: Database, dir: string, now: Date): Promise<{ file: string; bytes: number; ms: number }> {
  const t0 = Date.now();
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, backupName(now));
  const tmp = `${file}.tmp`;
  rmSync(tmp, { force: true });
  await q.copyDatabaseTo(db, tmp);
  renameSync(tmp, file);
  return { file, bytes: statSync(file).size, ms: Date.now() - t0 };
}

/** Puts a backup in place as `dataDir/tdtt.duckdb`; an existing database is kept beside it unless absent. */
export function placeBackup(file: string, dataDir: string, opts: { force?: boolean; now?: Date } = {}): { target: string; previous: string | null } {
  if (!existsSync(file)) throw new Error(`Không có tệp sao lưu ${file}`);
  mkdirSync(dataDir, { recursive: true });
  const target = path.join(dataDir, 'tdtt.duckdb');
  let previous: string | null = null;
  if (existsSync(target)) {
    if (!opts.force) throw new Error(`${target} đã có: thêm --force để thay (bản cũ được giữ lại với đuôi .before-restore)`);
    previous = `${target}.before-restore-${(opts.now ?? new Date()).getTime()}`;
    renameSync(target, previous);
    if (existsSync(`${target}.wal`)) renameSync(`${target}.wal`, `${previous}.wal`);
  }
  copyFileSync(file, target);
  return { target, previous };
}
