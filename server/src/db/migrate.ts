import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Database } from './connection';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Numbered files `NNN_name.sql`, append-only: a shipped one is never edited. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(path.join(dir, f), 'utf8') }));
}

/** Applies every migration newer than the recorded version, each in its own transaction. Returns the versions applied. */
export async function migrate(db: Database, migrations = loadMigrations()): Promise<number[]> {
  await db.run(`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`);
  const row = await db.one<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
  const current = row?.v ?? 0;
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    await db.transaction(async (tx) => {
      for (const stmt of splitStatements(m.sql)) await tx.run(stmt);
      await tx.run('INSERT INTO schema_version (version, name) VALUES ($1, $2)', [m.version, m.name]);
    });
    applied.push(m.version);
  }
  // Schema changes go to the database file at once: a crash right after start then never has DuckDB
  // replay DDL from its write-ahead log (it cannot replay every kind).
  if (applied.length) await db.run('CHECKPOINT');
  return applied;
}

export async function schemaVersion(db: Database): Promise<number> {
  const row = await db.one<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
  return row?.v ?? 0;
}

/** Our migrations hold no semicolons inside strings, so a split on `;` at line ends is enough. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
