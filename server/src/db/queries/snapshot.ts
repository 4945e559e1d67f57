import type { Queryable } from '../connection';

/**
 * A consistent copy of the whole database into a new file: one transaction reads everything, so
 * writes that commit meanwhile are either wholly in the copy or not at all.
 */
export async function copyDatabaseTo(db: Queryable, file: string): Promise<void> {
  const current = (await db.one<{ name: string }>('SELECT current_database() AS name'))!.name;
  const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
  await db.run(`ATTACH ${quoted(file)} AS tdtt_snapshot`);
  try {
    await db.run(`COPY FROM DATABASE ${ident(current)} TO tdtt_snapshot`);
  } finally {
    await db.run('DETACH tdtt_snapshot');
  }
}
