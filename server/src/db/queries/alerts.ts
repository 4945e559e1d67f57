import { utc, type Queryable } from '../connection';

export async function ackedAlertKeys(db: Queryable): Promise<Set<string>> {
  const rows = await db.all<{ key: string }>(`SELECT key FROM alert_acks`);
  return new Set(rows.map((r) => r.key));
}

export async function ackAlert(db: Queryable, key: string, user: { id: string; username: string } | null, at: Date): Promise<void> {
  await db.run(
    `INSERT INTO alert_acks (key, user_id, username, acked_at) VALUES ($1, $2, $3, $4::TIMESTAMP) ON CONFLICT (key) DO NOTHING`,
    [key, user?.id ?? null, user?.username ?? null, utc(at)],
  );
}

/** Last day (GMT+7) each unit published a collected post; units with none are absent. */
export function lastPostDays(db: Queryable, unitIds: string[]): Promise<{ unit_id: string; day: string }[]> {
  return db.all(
    `SELECT unit_id, strftime(max(published_day), '%Y-%m-%d') AS day FROM posts
     WHERE origin = 'collected' AND unit_id IN (SELECT unnest(from_json($1, '["VARCHAR"]'))) GROUP BY unit_id`,
    [JSON.stringify(unitIds)],
  );
}

/** Collected posts per unit and ISO week (Monday, GMT+7 days) in a day range. */
export function weeklyPostCounts(db: Queryable, unitIds: string[], from: string, to: string): Promise<{ unit_id: string; week: string; n: number }[]> {
  return db.all(
    `SELECT unit_id, strftime(date_trunc('week', published_day), '%Y-%m-%d') AS week, count(*)::INTEGER AS n FROM posts
     WHERE origin = 'collected' AND unit_id IN (SELECT unnest(from_json($1, '["VARCHAR"]'))) AND published_day BETWEEN $2::DATE AND $3::DATE
     GROUP BY ALL`,
    [JSON.stringify(unitIds), from, to],
  );
}

export interface FailingSourceRow {
  id: number;
  unit_id: string;
  url: string;
  last_error: string;
  failing_since: string;
}

/** Unpaused sources whose last fetch failed and that have not succeeded since `before` (or ever, when added before it). */
export function failingSources(db: Queryable, unitIds: string[], before: Date): Promise<FailingSourceRow[]> {
  return db.all<FailingSourceRow>(
    `SELECT id, unit_id, url, last_error, coalesce(last_success_at, created_at) AS failing_since FROM sources
     WHERE NOT paused AND last_error IS NOT NULL AND coalesce(last_success_at, created_at) < $2::TIMESTAMP
       AND unit_id IN (SELECT unnest(from_json($1, '["VARCHAR"]'))) ORDER BY id`,
    [JSON.stringify(unitIds), utc(before)],
  );
}
