import { mkdirSync } from 'node:fs';
import type { Config } from '../config';
import { Database, type OpenOptions } from '../db/connection';
import { migrate } from '../db/migrate';

/**
 * The database for a one-shot command, migrated; null (after saying why) when it cannot be opened —
 * most often because the server is running: DuckDB lets one process write the file.
 */
export async function openCliDatabase(config: Config, opts: OpenOptions = {}): Promise<Database | null> {
  mkdirSync(config.dataDir, { recursive: true });
  let db: Database;
  try {
    db = await Database.open(config.dbPath, opts);
  } catch (err) {
    console.error(`Không mở được ${config.dbPath} (máy chủ đang chạy?): ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
  await migrate(db);
  return db;
}
