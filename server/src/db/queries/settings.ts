import type { Queryable } from '../connection';

export async function getSetting(db: Queryable, key: string): Promise<string | null> {
  return (await db.one<{ value: string }>(`SELECT value FROM settings WHERE key = $1`, [key]))?.value ?? null;
}

export async function setSetting(db: Queryable, key: string, value: string): Promise<void> {
  await db.run(`INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [key, value]);
}
