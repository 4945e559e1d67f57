// npm run restore -- BACKUP_FILE [--force]
// Puts a backup in place as DATA_DIR/tdtt.duckdb (server stopped), keeping any database there beside
// it (--force), then opens it, applies newer migrations and prints the row counts of the main tables.
import { COUNTED_TABLES, placeBackup } from '../backup';
import { loadConfig } from '../config';
import { Database } from '../db/connection';
import { migrate } from '../db/migrate';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('Cách dùng: npm run restore -- TỆP_SAO_LƯU.duckdb [--force]   (máy chủ phải dừng)');
    return 2;
  }
  const config = loadConfig();
  const { target, previous } = placeBackup(file, config.dataDir, { force: args.includes('--force') });
  const db = await Database.open(target, { readers: 1 });
  try {
    const applied = await migrate(db);
    const counts: Record<string, number> = {};
    for (const t of COUNTED_TABLES) counts[t] = Number((await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${t}`))!.n);
    console.log(JSON.stringify({ restored: target, previous, migrationsApplied: applied, counts }));
    return 0;
  } finally {
    await db.close();
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
