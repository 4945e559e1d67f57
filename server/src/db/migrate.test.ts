import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from './connection';
import { loadMigrations, migrate, schemaVersion } from './migrate';

const dirs: string[] = [];
function tempDbPath(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tdtt-migrate-'));
  dirs.push(dir);
  return path.join(dir, 'test.duckdb');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function tableShapes(db: Database) {
  return db.all<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns ORDER BY table_name, ordinal_position`,
  );
}

describe('migrations', () => {
  const all = loadMigrations();

  it('are numbered without gaps from 1', () => {
    expect(all.map((m) => m.version)).toEqual(all.map((_, i) => i + 1));
  });

  it('migrate a fresh file to the latest version', async () => {
    const db = await Database.open(tempDbPath());
    expect(await migrate(db)).toEqual(all.map((m) => m.version));
    expect(await schemaVersion(db)).toBe(all.length);
    const tables = new Set((await tableShapes(db)).map((r) => r.table_name));
    for (const t of ['units', 'sources', 'plans', 'phases', 'themes', 'anniversaries', 'plan_units', 'posts', 'post_themes', 'coverage_daily', 'coverage_monthly', 'unit_scores', 'job_runs', 'users']) {
      expect(tables, t).toContain(t);
    }
    await db.close();
  });

  it('change nothing when run twice, also after reopening the file', async () => {
    const file = tempDbPath();
    let db = await Database.open(file);
    await migrate(db);
    const before = await tableShapes(db);
    expect(await migrate(db)).toEqual([]);
    await db.close();
    db = await Database.open(file);
    expect(await migrate(db)).toEqual([]);
    expect(await tableShapes(db)).toEqual(before);
    expect(await db.all('SELECT version FROM schema_version ORDER BY version')).toEqual(all.map((m) => ({ version: m.version })));
    await db.close();
  });

  it('upgrade an old-version file and keep its data', async () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    const file = tempDbPath();
    let db = await Database.open(file);
    await migrate(db, all.slice(0, 1));
    expect(await schemaVersion(db)).toBe(1);
    await db.run(`INSERT INTO units (id, name) VALUES ('tinh-uy', 'Tỉnh ủy')`);
    await db.close();
    db = await Database.open(file);
    expect(await migrate(db)).toEqual(all.slice(1).map((m) => m.version));
    expect(await schemaVersion(db)).toBe(all.length);
    expect(await db.all('SELECT id, name FROM units')).toEqual([{ id: 'tinh-uy', name: 'Tỉnh ủy' }]);
    await db.close();
  });

  it('roll back a failing migration whole', async () => {
    const db = await Database.open(tempDbPath());
    const broken = [...all, { version: all.length + 1, name: 'broken.sql', sql: 'CREATE TABLE half_done (x INTEGER);\nCREATE TABLE oops (x NOT_A_TYPE);' }];
    await expect(migrate(db, broken)).rejects.toThrow();
    expect(await schemaVersion(db)).toBe(all.length);
    const tables = (await tableShapes(db)).map((r) => r.table_name);
    expect(tables).not.toContain('half_done');
    await db.close();
  });
});
