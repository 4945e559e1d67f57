import type { Queryable } from '../connection';
import { effectiveMatchesSql } from './matches';

const IDS = (param: string) => `(SELECT unnest(from_json(${param}, '["VARCHAR"]')))`;

/** Counts per unit and theme over a day range, from the daily roll-up (same rules as the monthly one). */
export function periodCounts(db: Queryable, themeIds: string[], from: string, to: string): Promise<{ unit_id: string; theme_id: string; own: number; repost: number }[]> {
  return db.all(
    `SELECT unit_id, theme_id, sum(own)::BIGINT AS own, sum(repost)::BIGINT AS repost FROM coverage_daily
     WHERE theme_id IN ${IDS('$1')} AND day BETWEEN $2::DATE AND $3::DATE GROUP BY ALL`,
    [JSON.stringify(themeIds), from, to],
  );
}

/** Posts per unit over a day range (any theme or none), as `monthlyPostCounts` counts them. */
export function periodPostCounts(db: Queryable, from: string, to: string): Promise<{ unit_id: string; n: number }[]> {
  return db.all(`SELECT unit_id, count(*) AS n FROM posts WHERE published_day BETWEEN $1::DATE AND $2::DATE GROUP BY ALL`, [from, to]);
}

export interface ExportPostRow {
  unit_id: string;
  id: number;
  title: string;
  url: string;
  published_at: string;
  day: string;
  is_repost: boolean;
  theme_ids: string;
}

/**
 * The collected posts behind the counts: matched to one of the themes on a day inside its phase window,
 * in the day range, for the given units. Ordered by unit, then date.
 */
export function exportPosts(db: Queryable, modelVersion: string, unitIds: string[], themeIds: string[], from: string, to: string): Promise<ExportPostRow[]> {
  return db.all<ExportPostRow>(
    `SELECT p.unit_id, p.id, p.title, p.url, p.published_at, strftime(p.published_day, '%Y-%m-%d') AS day, p.repost_of IS NOT NULL AS is_repost,
       to_json(list(DISTINCT e.theme_id))::VARCHAR AS theme_ids
     FROM posts p
     JOIN ${effectiveMatchesSql('$1')} e ON e.post_id = p.id
     JOIN themes t ON t.id = e.theme_id JOIN phases ph ON ph.id = t.phase_id
     WHERE p.origin = 'collected' AND p.unit_id IN ${IDS('$2')} AND e.theme_id IN ${IDS('$3')}
       AND p.published_day BETWEEN $4::DATE AND $5::DATE
       AND p.published_day >= coalesce(ph.starts_on, DATE '1900-01-01') AND p.published_day <= coalesce(ph.ends_on, DATE '9999-12-31')
     GROUP BY p.unit_id, p.id, p.title, p.url, p.published_at, p.published_day, p.repost_of
     ORDER BY p.unit_id, p.published_at, p.id`,
    [modelVersion, JSON.stringify(unitIds), JSON.stringify(themeIds), from, to],
  );
}

/** When the data was collected: the end of the latest finished collection run. */
export async function latestCollectAt(db: Queryable): Promise<string | null> {
  const row = await db.one<{ at: string | null }>(`SELECT max(finished_at) AS at FROM job_runs WHERE job = 'collect' AND finished_at IS NOT NULL`);
  return row?.at ?? null;
}
