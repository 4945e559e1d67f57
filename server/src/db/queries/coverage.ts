import { insertMany, type Queryable } from '../connection';
import { effectiveMatchesSql } from './matches';

/**
 * Rebuilds the daily and monthly roll-ups from `fromDay` on (all when null): only the days a collection
 * or re-classification touched are recomputed, never on a page view. A match counts for a theme only on
 * days inside its phase window.
 */
export async function rollupCoverage(tx: Queryable, modelVersion: string, fromDay: string | null): Promise<void> {
  const from = fromDay ?? '1900-01-01';
  await tx.run(`DELETE FROM coverage_daily WHERE day >= $1::DATE`, [from]);
  await tx.run(
    `INSERT INTO coverage_daily (unit_id, theme_id, day, own, repost, submitted)
     SELECT p.unit_id, e.theme_id, p.published_day,
       count(*) FILTER (WHERE p.origin = 'collected' AND p.repost_of IS NULL),
       count(*) FILTER (WHERE p.origin = 'collected' AND p.repost_of IS NOT NULL),
       count(*) FILTER (WHERE p.origin = 'submitted' AND p.review_state = 'accepted')
     FROM ${effectiveMatchesSql('$1')} e
     JOIN posts p ON p.id = e.post_id
     JOIN themes t ON t.id = e.theme_id
     JOIN phases ph ON ph.id = t.phase_id
     WHERE p.published_day >= $2::DATE
       AND p.published_day >= coalesce(ph.starts_on, DATE '1900-01-01')
       AND p.published_day <= coalesce(ph.ends_on, DATE '9999-12-31')
     GROUP BY ALL ORDER BY p.published_day, p.unit_id`,
    [modelVersion, from],
  );
  await tx.run(`DELETE FROM coverage_monthly WHERE month >= date_trunc('month', $1::DATE)`, [from]);
  await tx.run(
    `INSERT INTO coverage_monthly (unit_id, theme_id, month, own, repost, submitted)
     SELECT unit_id, theme_id, date_trunc('month', day)::DATE, sum(own), sum(repost), sum(submitted)
     FROM coverage_daily WHERE day >= date_trunc('month', $1::DATE) GROUP BY ALL ORDER BY 3, 1, 2`,
    [from],
  );
}

export interface CountRow {
  unit_id: string;
  theme_id: string;
  month: string;
  own: number;
  repost: number;
  submitted: number;
}

/** Monthly counts for the given themes from `fromMonth` to `toMonth` (YYYY-MM), of one unit or all. */
export function monthlyCounts(db: Queryable, themeIds: string[], fromMonth: string, toMonth: string, unitId: string | null = null): Promise<CountRow[]> {
  // Conditions built rather than "$x IS NULL OR …": an OR keeps DuckDB from pruning the scan.
  return db.all<CountRow>(
    `SELECT unit_id, theme_id, strftime(month, '%Y-%m') AS month, own, repost, submitted FROM coverage_monthly
     WHERE theme_id IN (SELECT unnest(from_json($1, '["VARCHAR"]'))) AND month BETWEEN $2::DATE AND $3::DATE
       ${unitId === null ? '' : 'AND unit_id = $4'}`,
    [JSON.stringify(themeIds), `${fromMonth}-01`, `${toMonth}-01`, ...(unitId === null ? [] : [unitId])],
  );
}

/** Posts per unit and month (any theme or none): activity behind the scores. */
export function monthlyPostCounts(db: Queryable, fromMonth: string, toMonth: string): Promise<{ unit_id: string; month: string; n: number }[]> {
  return db.all(
    `SELECT unit_id, strftime(published_day, '%Y-%m') AS month, count(*) AS n FROM posts
     WHERE published_day BETWEEN $1::DATE AND last_day($2::DATE) GROUP BY ALL`,
    [`${fromMonth}-01`, `${toMonth}-01`],
  );
}

export interface ScoreRow {
  unit_id: string;
  month: string;
  score: number;
  covered: number;
  active: number;
  post_count: number;
}

export async function replaceUnitScores(tx: Queryable, planId: string, fromMonth: string, rows: ScoreRow[]): Promise<void> {
  await tx.run(`DELETE FROM unit_scores WHERE plan_id = $1 AND month >= $2::DATE`, [planId, `${fromMonth}-01`]);
  await insertMany(
    tx,
    'unit_scores',
    ['plan_id', 'unit_id', 'month', 'score', 'covered', 'active', 'post_count'],
    rows.map((r) => [planId, r.unit_id, `${r.month}-01`, r.score, r.covered, r.active, r.post_count]),
    { casts: { month: 'DATE' }, chunk: 1000 },
  );
}

/** Unit scores of a month: every unit's, or only the listed units'. */
export function unitScores(db: Queryable, planId: string, month: string, unitIds: string[] | null = null): Promise<ScoreRow[]> {
  return db.all<ScoreRow>(
    `SELECT unit_id, strftime(month, '%Y-%m') AS month, score, covered, active, post_count FROM unit_scores
     WHERE plan_id = $1 AND month = $2::DATE ${unitIds ? `AND unit_id IN (SELECT unnest(from_json($3, '["VARCHAR"]')))` : ''}`,
    [planId, `${month}-01`, ...(unitIds ? [JSON.stringify(unitIds)] : [])],
  );
}

/** Every scored unit of the plan in the month with its parent: the input of the figures and ranks (views/figures.ts). */
export function scoredUnitsOfMonth(db: Queryable, planId: string, month: string): Promise<(ScoreRow & { parent_id: string | null })[]> {
  return db.all(
    `SELECT s.unit_id, strftime(s.month, '%Y-%m') AS month, s.score, s.covered, s.active, s.post_count, u.parent_id
     FROM unit_scores s JOIN units u ON u.id = s.unit_id WHERE s.plan_id = $1 AND s.month = $2::DATE`,
    [planId, `${month}-01`],
  );
}

export function unitScoreSeries(db: Queryable, planId: string, unitId: string): Promise<ScoreRow[]> {
  return db.all<ScoreRow>(
    `SELECT unit_id, strftime(month, '%Y-%m') AS month, score, covered, active, post_count FROM unit_scores WHERE plan_id = $1 AND unit_id = $2 ORDER BY month`,
    [planId, unitId],
  );
}

/** Average score per month over the given units, for months in which the plan had active themes. */
export function scoreTrend(db: Queryable, planId: string, unitIds: string[]): Promise<{ month: string; average_score: number }[]> {
  return db.all(
    `SELECT strftime(month, '%Y-%m') AS month, round(avg(score), 1) AS average_score FROM unit_scores
     WHERE plan_id = $1 AND active > 0 AND unit_id IN (SELECT unnest(from_json($2, '["VARCHAR"]'))) GROUP BY month ORDER BY month`,
    [planId, JSON.stringify(unitIds)],
  );
}

/** Months in which the plan had active themes (before its first phase nothing is scored). */
export async function scoredMonths(db: Queryable, planId: string): Promise<string[]> {
  const rows = await db.all<{ m: string }>(`SELECT DISTINCT strftime(month, '%Y-%m') AS m FROM unit_scores WHERE plan_id = $1 AND active > 0 ORDER BY m`, [planId]);
  return rows.map((r) => r.m);
}

export async function postDayRange(db: Queryable): Promise<{ min: string | null; max: string | null }> {
  const row = await db.one<{ min: string | null; max: string | null }>(
    `SELECT strftime(min(published_day), '%Y-%m-%d') AS min, strftime(max(published_day), '%Y-%m-%d') AS max FROM posts`,
  );
  return row ?? { min: null, max: null };
}
