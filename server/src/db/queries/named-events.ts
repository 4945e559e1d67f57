import type { Queryable } from '../connection';

export interface NamedEventRow {
  key: string;
  name: string;
  aliases: string[];
  date: string;
  endDate: string | null;
}

const SAVED_KEY = 'named_events_saved';

/** The stored table, or null when it was never saved (the built-in defaults apply). */
export async function listNamedEvents(db: Queryable): Promise<NamedEventRow[] | null> {
  const saved = await db.one<{ value: string }>(`SELECT value FROM settings WHERE key = $1`, [SAVED_KEY]);
  if (!saved) return null;
  const rows = await db.all<{ key: string; name: string; aliases_json: string; date: string; end_date: string | null }>(
    `SELECT key, name, aliases_json, strftime(date, '%Y-%m-%d') AS date, strftime(end_date, '%Y-%m-%d') AS end_date FROM named_events ORDER BY ord`,
  );
  return rows.map((r) => ({ key: r.key, name: r.name, aliases: JSON.parse(r.aliases_json) as string[], date: r.date, endDate: r.end_date }));
}

/** Replaces the whole table (one multi-row statement) and marks it as saved. */
export async function replaceNamedEvents(tx: Queryable, events: NamedEventRow[]): Promise<void> {
  await tx.run(`DELETE FROM named_events`);
  if (events.length) {
    const values = events.map((_, i) => `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}::DATE, $${i * 6 + 6}::DATE)`);
    const params = events.flatMap((e, i) => [e.key, i, e.name, JSON.stringify(e.aliases), e.date, e.endDate]);
    await tx.run(`INSERT INTO named_events (key, ord, name, aliases_json, date, end_date) VALUES ${values.join(', ')}`, params);
  }
  await tx.run(`INSERT INTO settings (key, value) VALUES ($1, '1') ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [SAVED_KEY]);
}
