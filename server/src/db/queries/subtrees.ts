// Subtree roll-ups (migration 008): a unit's figures summed over the unit and its accountable
// descendants, written after the unit scores, read one hierarchy level at a time.
import { coveredSql } from '@tdtt/shared/score';
import type { Queryable } from '../connection';
import { effectiveMatchesSql } from './matches';
import { THEME_ORDER } from './plans';

/** (unit_id, ancestor_id) for every accountable unit and each accountable ancestor, itself included. */
const CLOSURE = `
  acc AS (SELECT unnest(from_json($units, '["VARCHAR"]')) AS id),
  up(unit_id, ancestor_id, d) AS (
    SELECT id, id, 0 FROM acc
    UNION ALL
    SELECT up.unit_id, u.parent_id, up.d + 1 FROM up JOIN units u ON u.id = up.ancestor_id
    WHERE u.parent_id IN (SELECT id FROM acc) AND up.d < 20
  )`;

/**
 * Rewrites the plan's subtree roll-ups from `fromMonth` (YYYY-MM) on; the phase totals are rewritten
 * whole (any touched day changes them). Rows are written in the order pages read them (month, then
 * unit; theme, then unit) so DuckDB's zone maps prune those reads.
 */
export async function rollupSubtrees(tx: Queryable, planId: string, modelVersion: string, fromMonth: string, unitIds: string[]): Promise<void> {
  const from = `${fromMonth}-01`;
  const units = JSON.stringify(unitIds);
  const planThemes = `(SELECT id FROM themes WHERE plan_id = $plan)`;
  await tx.run(`DELETE FROM subtree_scores WHERE plan_id = $plan AND month >= $from::DATE`, { plan: planId, from });
  await tx.run(
    `INSERT INTO subtree_scores (plan_id, unit_id, month, score, units, post_count, full_units, silent_units, own_score, covered, active, cells)
     WITH RECURSIVE ${CLOSURE},
     th AS (SELECT t.id, t.min_matches, row_number() OVER (ORDER BY ${THEME_ORDER}) AS k FROM themes t JOIN phases ph ON ph.id = t.phase_id WHERE t.plan_id = $plan),
     sums AS (
       SELECT up.ancestor_id AS unit_id, s.month, round(avg(s.score), 1) AS score, count(*) AS units, sum(s.post_count) AS post_count,
         count(*) FILTER (WHERE s.active > 0 AND s.covered >= s.active) AS full_units, count(*) FILTER (WHERE s.post_count = 0) AS silent_units
       FROM up JOIN unit_scores s ON s.unit_id = up.unit_id
       WHERE s.plan_id = $plan AND s.month >= $from::DATE
       GROUP BY ALL
     ),
     cell AS (
       SELECT up.ancestor_id AS unit_id, c.month, th.k, sum(c.own) AS own, sum(c.repost) AS repost,
         count(*) FILTER (WHERE ${coveredSql('c.own', 'c.repost', 'th.min_matches')}) AS covered_units
       FROM up JOIN coverage_monthly c ON c.unit_id = up.unit_id JOIN th ON th.id = c.theme_id
       WHERE c.month >= $from::DATE
       GROUP BY ALL
     ),
     packed AS (
       SELECT unit_id, month, string_agg(k || ' ' || own || ' ' || repost || ' ' || covered_units, ' ' ORDER BY k) AS cells FROM cell GROUP BY ALL
     )
     SELECT $plan, s.unit_id, s.month, s.score, s.units, s.post_count, s.full_units, s.silent_units, o.score, o.covered, o.active, coalesce(p.cells, '')
     FROM sums s JOIN unit_scores o ON o.plan_id = $plan AND o.unit_id = s.unit_id AND o.month = s.month
       LEFT JOIN packed p ON p.unit_id = s.unit_id AND p.month = s.month
     ORDER BY s.month, s.unit_id`,
    { plan: planId, from, units },
  );
  await tx.run(`DELETE FROM subtree_theme_totals WHERE theme_id IN ${planThemes}`, { plan: planId });
  await tx.run(
    `INSERT INTO subtree_theme_totals (theme_id, unit_id, own, repost, covered_units, first_day, last_day)
     WITH RECURSIVE ${CLOSURE},
     per_unit AS (
       SELECT unit_id, theme_id, sum(own) AS own, sum(repost) AS repost, min(day) AS first_day, max(day) AS last_day
       FROM coverage_daily WHERE theme_id IN ${planThemes} AND own + repost > 0 GROUP BY ALL
     )
     SELECT p.theme_id, up.ancestor_id, sum(p.own), sum(p.repost),
       count(*) FILTER (WHERE ${coveredSql('p.own', 'p.repost', 't.min_matches')}), min(p.first_day), max(p.last_day)
     FROM per_unit p JOIN up ON up.unit_id = p.unit_id JOIN themes t ON t.id = p.theme_id
     GROUP BY ALL ORDER BY p.theme_id, up.ancestor_id`,
    { plan: planId, units },
  );
  await tx.run(`DELETE FROM theme_top_posts WHERE theme_id IN ${planThemes}`, { plan: planId });
  await tx.run(
    `INSERT INTO theme_top_posts (theme_id, rank, post_id, score)
     SELECT theme_id, rank, post_id, score FROM (
       SELECT e.theme_id, e.post_id, e.score, row_number() OVER (PARTITION BY e.theme_id ORDER BY ${TOP_POST_ORDER}) AS rank
       FROM ${effectiveMatchesSql('$model')} e JOIN posts p ON p.id = e.post_id
         JOIN themes t ON t.id = e.theme_id JOIN phases ph ON ph.id = t.phase_id
       WHERE t.plan_id = $plan AND p.origin = 'collected' AND p.unit_id IN (SELECT unnest(from_json($units, '["VARCHAR"]')))
         AND p.published_day BETWEEN coalesce(ph.starts_on, DATE '1900-01-01') AND coalesce(ph.ends_on, DATE '9999-12-31')
     ) WHERE rank <= ${TOP_POSTS_KEPT} ORDER BY theme_id, rank`,
    { plan: planId, model: modelVersion, units },
  );
}

/** How a theme's posts rank: classifier score, own posts before reposts, newest, then id. */
export const TOP_POST_ORDER = 'e.score DESC, (p.repost_of IS NULL) DESC, p.published_at DESC, p.id DESC';
export const TOP_POSTS_KEPT = 20;

// ---- reading: one level of the hierarchy ----

export interface LevelUnitRow {
  id: string;
  name: string;
  parent_id: string | null;
  depth: number;
  sort_path: string;
  /** Registry kind slug (shared/src/units/kinds.ts): the overview filters its rows by it. */
  kind: string;
  /** Direct sub-units (accountability covers whole subtrees, so all of them count). */
  children: number;
  /** Units in the subtree, this one included. */
  units: number;
}

const LEVEL_COLUMNS = `u.id, u.name, u.kind, u.parent_id, u.depth, u.sort_path, coalesce(ut.child_count, 0) AS children, coalesce(ut.subtree_size, 1) AS units`;
/** Units with their tree counts (LEVEL_COLUMNS read both). */
const LEVEL_FROM = `units u LEFT JOIN unit_tree ut ON ut.unit_id = u.id`;

/**
 * The units the plan is assigned to (each with its whole subtree accountable) and their direct
 * sub-units, `assigned` telling which is which: the top level of a view in one read.
 */
export function assignedUnits(db: Queryable, planId: string): Promise<(LevelUnitRow & { assigned: boolean })[]> {
  return db.all(
    `WITH pu AS (SELECT unit_id FROM plan_units WHERE plan_id = $1)
     SELECT ${LEVEL_COLUMNS}, u.id IN (SELECT unit_id FROM pu) AS assigned FROM ${LEVEL_FROM}
     WHERE u.id IN (SELECT unit_id FROM pu) OR u.parent_id IN (SELECT unit_id FROM pu)
     ORDER BY u.sort_path`,
    [planId],
  );
}

/** The given units, or (`withChildren`) the one unit and its direct sub-units, in hierarchy order. */
export function levelUnits(db: Queryable, unitIds: string[], withChildren: boolean): Promise<LevelUnitRow[]> {
  return db.all<LevelUnitRow>(
    `SELECT ${LEVEL_COLUMNS} FROM ${LEVEL_FROM}
     WHERE u.id IN (SELECT unnest(from_json($1, '["VARCHAR"]'))) OR ($2 AND u.parent_id IN (SELECT unnest(from_json($1, '["VARCHAR"]'))))
     ORDER BY u.sort_path`,
    [JSON.stringify(unitIds), withChildren],
  );
}

/** The unit and its ancestors, top first (their paths are prefixes of its path). */
export function unitWithAncestors(db: Queryable, unitId: string): Promise<LevelUnitRow[]> {
  return db.all<LevelUnitRow>(
    `SELECT ${LEVEL_COLUMNS} FROM ${LEVEL_FROM}, (SELECT sort_path AS p FROM units WHERE id = $1) f
     WHERE u.sort_path = f.p OR starts_with(f.p, u.sort_path || '/') ORDER BY u.depth`,
    [unitId],
  );
}

/** A unit's direct sub-units, in hierarchy order, with their subtree score of the month (null: not scored). */
export function childrenWithScores(db: Queryable, planId: string, parentId: string, month: string): Promise<{ id: string; name: string; score: number | null }[]> {
  return db.all(
    `SELECT u.id, u.name, s.score FROM units u
       LEFT JOIN subtree_scores s ON s.unit_id = u.id AND s.plan_id = $1 AND s.month = $2::DATE
     WHERE u.parent_id = $3 ORDER BY u.sort_path`,
    [planId, `${month}-01`, parentId],
  );
}

/** A unit's depth-first path is under (or is) another's. A path segment is "name|id", so a false
 * prefix would need a unit name holding "|" and another unit's id. */
export function isWithin(path: string, ancestorPath: string): boolean {
  return path === ancestorPath || path.startsWith(`${ancestorPath}/`);
}

export interface SubtreeScoreRow {
  unit_id: string;
  month: string;
  score: number;
  units: number;
  post_count: number;
  full_units: number;
  silent_units: number;
  /** Packed per-theme matches (unpackCells); empty when not asked for. */
  cells: string;
}

export interface LevelScoreRow extends SubtreeScoreRow {
  own_score: number;
  covered: number;
  active: number;
}

/** Subtree scores of the given units in the given months, with each unit's own score and counts, and the cells of `cellsOf` only. */
export function levelScores(db: Queryable, planId: string, unitIds: string[], months: string[], cellsOf: string): Promise<LevelScoreRow[]> {
  return db.all<LevelScoreRow>(
    `SELECT unit_id, strftime(month, '%Y-%m') AS month, score, units, post_count, full_units, silent_units, own_score, covered, active,
       CASE WHEN month = $cellsOf::DATE THEN cells ELSE '' END AS cells
     FROM subtree_scores
     WHERE plan_id = $plan AND month IN (SELECT unnest(from_json($months, '["DATE"]'))) AND unit_id IN (SELECT unnest(from_json($units, '["VARCHAR"]')))`,
    { plan: planId, months: JSON.stringify(months.map((m) => `${m}-01`)), units: JSON.stringify(unitIds), cellsOf: `${cellsOf}-01` },
  );
}

/** Subtree scores of the given units in the given months (null: every month), oldest first. */
export function subtreeScores(db: Queryable, planId: string, unitIds: string[], months: string[] | null, opts: { cells?: boolean } = {}): Promise<SubtreeScoreRow[]> {
  return db.all<SubtreeScoreRow>(
    `SELECT unit_id, strftime(month, '%Y-%m') AS month, score, units, post_count, full_units, silent_units, ${opts.cells ? 'cells' : "'' AS cells"}
     FROM subtree_scores WHERE plan_id = $plan AND unit_id IN (SELECT unnest(from_json($units, '["VARCHAR"]')))
       ${months ? `AND month IN (SELECT unnest(from_json($months, '["DATE"]')))` : ''}
     ORDER BY month`,
    { plan: planId, units: JSON.stringify(unitIds), ...(months ? { months: JSON.stringify(months.map((m) => `${m}-01`)) } : {}) },
  );
}

export interface ThemeCell {
  own: number;
  repost: number;
  coveredUnits: number;
}

/** A row's packed cells → one cell per plan theme (in plan order). */
export function unpackCells(cells: string, themeCount: number): ThemeCell[] {
  const out = Array.from({ length: themeCount }, () => ({ own: 0, repost: 0, coveredUnits: 0 }));
  const n = cells ? cells.split(' ').map(Number) : [];
  for (let i = 0; i + 3 < n.length; i += 4) {
    const cell = out[n[i]! - 1];
    if (cell) Object.assign(cell, { own: n[i + 1]!, repost: n[i + 2]!, coveredUnits: n[i + 3]! });
  }
  return out;
}

export interface SubtreeThemeRow {
  unit_id: string;
  own: number;
  repost: number;
  covered_units: number;
  first_day: string | null;
  last_day: string | null;
}

/** One theme's phase totals for the given units' subtrees. */
export function subtreeThemeTotals(db: Queryable, themeId: string, unitIds: string[]): Promise<SubtreeThemeRow[]> {
  return db.all<SubtreeThemeRow>(
    `SELECT unit_id, own, repost, covered_units, strftime(first_day, '%Y-%m-%d') AS first_day, strftime(last_day, '%Y-%m-%d') AS last_day
     FROM subtree_theme_totals WHERE theme_id = $theme AND unit_id IN (SELECT unnest(from_json($units, '["VARCHAR"]')))`,
    { theme: themeId, units: JSON.stringify(unitIds) },
  );
}

/** Per-unit matches of one theme in a day range, summed over each given unit's subtree (read from the daily roll-up). */
const RANGE_PER_UNIT = `per_unit AS (
    SELECT unit_id, sum(own) AS own, sum(repost) AS repost, min(day) AS first_day, max(day) AS last_day
    FROM coverage_daily WHERE theme_id = $theme AND day BETWEEN $from::DATE AND $to::DATE AND own + repost > 0 GROUP BY unit_id
  ),
  tops AS (SELECT id, sort_path FROM units WHERE id IN (SELECT unnest(from_json($units, '["VARCHAR"]')))),
  within AS (SELECT t.id AS top_id, p.* FROM tops t JOIN units u ON u.id = t.id OR starts_with(u.sort_path, t.sort_path || '/') JOIN per_unit p ON p.unit_id = u.id)`;

/** subtreeThemeTotals for any day range (custom ranges: computed on the spot). */
export function subtreeThemeTotalsInRange(db: Queryable, themeId: string, minMatches: number, unitIds: string[], from: string, to: string): Promise<SubtreeThemeRow[]> {
  return db.all<SubtreeThemeRow>(
    `WITH ${RANGE_PER_UNIT}
     SELECT top_id AS unit_id, sum(own)::INTEGER AS own, sum(repost)::INTEGER AS repost, count(*) FILTER (WHERE ${coveredSql('own', 'repost', '$min')})::INTEGER AS covered_units,
       strftime(min(first_day), '%Y-%m-%d') AS first_day, strftime(max(last_day), '%Y-%m-%d') AS last_day
     FROM within GROUP BY top_id`,
    { theme: themeId, min: minMatches, units: JSON.stringify(unitIds), from, to },
  );
}

/** One theme's matches per month in a day range over the given units' subtrees. */
export function themeSeriesInRange(db: Queryable, themeId: string, unitIds: string[], from: string, to: string): Promise<{ month: string; own: number; repost: number }[]> {
  return db.all(
    `WITH tops AS (SELECT id, sort_path FROM units WHERE id IN (SELECT unnest(from_json($units, '["VARCHAR"]'))))
     SELECT strftime(date_trunc('month', c.day), '%Y-%m') AS month, sum(c.own)::INTEGER AS own, sum(c.repost)::INTEGER AS repost
     FROM coverage_daily c WHERE c.theme_id = $theme AND c.day BETWEEN $from::DATE AND $to::DATE
       AND c.unit_id IN (SELECT u.id FROM tops t JOIN units u ON u.id = t.id OR starts_with(u.sort_path, t.sort_path || '/'))
     GROUP BY ALL ORDER BY month`,
    { theme: themeId, units: JSON.stringify(unitIds), from, to },
  );
}

/** Every theme's phase totals for the given units' subtrees (the theme list of a plan). */
export function subtreeThemeTotalsOfPlan(db: Queryable, planId: string, unitIds: string[]): Promise<(SubtreeThemeRow & { theme_id: string })[]> {
  return db.all(
    `SELECT theme_id, unit_id, own, repost, covered_units, strftime(first_day, '%Y-%m-%d') AS first_day, strftime(last_day, '%Y-%m-%d') AS last_day
     FROM subtree_theme_totals WHERE theme_id IN (SELECT id FROM themes WHERE plan_id = $plan) AND unit_id IN (SELECT unnest(from_json($units, '["VARCHAR"]')))`,
    { plan: planId, units: JSON.stringify(unitIds) },
  );
}

/** Units in the given subtrees (by their roots' paths) with no post in the month: the first `limit` (hierarchy order) and how many. */
export function silentUnitsOf(db: Queryable, planId: string, rootPaths: string[], month: string, limit: number): Promise<{ id: string; name: string; total: number }[]> {
  if (rootPaths.length === 0) return Promise.resolve([]);
  const params: Record<string, string | number> = { plan: planId, month: `${month}-01`, limit };
  const within = rootPaths.map((p, i) => ((params[`p${i}`] = p), `u.sort_path = $p${i} OR starts_with(u.sort_path, $p${i} || '/')`)).join(' OR ');
  return db.all(
    `SELECT u.id, u.name, count(*) OVER ()::INTEGER AS total FROM unit_scores s JOIN units u ON u.id = s.unit_id
     WHERE s.plan_id = $plan AND s.month = $month::DATE AND s.post_count = 0 AND (${within})
     ORDER BY u.sort_path LIMIT $limit`,
    params,
  );
}
