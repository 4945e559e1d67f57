import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/connection';
import { writeBackup } from '../backup';

// Dashboard replicas (docs/scale.md): the primary publishes a consistent copy of its DuckDB file
// into a folder every few minutes; replicas serve the newest one read-only. `current` names it and
// is replaced atomically, so a replica never opens a half-written copy.

const POINTER = 'current';
const KEEP = 3;

/** Writes a new snapshot (a backup: backup/index.ts) and points `current` at it; keeps the last few (replicas may still read them). */
export async function publishSnapshot(db: Database, dir: string, now: Date): Promise<{ file: string; bytes: number; ms: number }> {
  const written = await writeBackup(db, dir, now);
  const name = path.basename(written.file);
  writeFileSync(path.join(dir, `${POINTER}.tmp`), name);
  renameSync(path.join(dir, `${POINTER}.tmp`), path.join(dir, POINTER));
  const old = readdirSync(dir).filter((f) => /^tdtt-backup-.*\.duckdb$/.test(f) && f !== name).sort();
  for (const f of old.slice(0, Math.max(0, old.length - (KEEP - 1)))) rmSync(path.join(dir, f), { force: true });
  return { ...written, file: name };
}

/** The snapshot `current` names, or null when none has been published yet. */
export function currentSnapshot(dir: string): string | null {
  const pointer = path.join(dir, POINTER);
  if (!existsSync(pointer)) return null;
  const name = readFileSync(pointer, 'utf8').trim();
  return name && existsSync(path.join(dir, name)) ? path.join(dir, name) : null;
}
