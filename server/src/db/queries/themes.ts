import type { Queryable } from '../connection';
import type { ThemeRow } from './plans';
import { effectiveMatchesSql } from './matches';
import { TOP_POST_ORDER } from './subtrees';

const IDS = `(SELECT unnest(from_json($2, '["VARCHAR"]')))`;

export interface ThemeTotalRow {
  theme_id: string;
  unit_id: string;
  own: number;
  repost: number;
}

/** Per unit and theme: matches inside each theme's phase window (the daily roll-up), for the given units. */
export function themeUnitTotals(db: Queryable, themeIds: string[], unitIds: string[], from = '1900-01-01', to = '9999-12-31'): Promise<ThemeTotalRow[]> {
  return db.all<ThemeTotalRow>(
    `SELECT theme_id, unit_id, sum(own)::INTEGER AS own, sum(repost)::INTEGER AS repost FROM coverage_daily
     WHERE theme_id IN (SELECT unnest(from_json($1, '["VARCHAR"]'))) AND unit_id IN ${IDS}
       AND day BETWEEN $3::DATE AND $4::DATE
     GROUP BY ALL`,
    [JSON.stringify(themeIds), JSON.stringify(unitIds), from, to],
  );
}

export interface ThemePostRow {
  id: number;
  unit_id: string;
  unit_name: string;
  title: string;
  url: string;
  published_at: string;
  repost_of: number | null;
  score: number;
}

/** The strongest matches of a theme among the given units (null: all), ranked on the spot. */
export function topThemePosts(db: Queryable, modelVersion: string, themeId: string, unitIds: string[] | null, from: string, to: string, limit = 20): Promise<ThemePostRow[]> {
  return db.all<ThemePostRow>(
    `SELECT p.id, p.unit_id, u.name AS unit_name, p.title, p.url, p.published_at, p.repost_of, e.score
     FROM ${effectiveMatchesSql('$1')} e JOIN posts p ON p.id = e.post_id JOIN units u ON u.id = p.unit_id
     WHERE e.theme_id = $2 AND ($3::VARCHAR IS NULL OR p.unit_id IN (SELECT unnest(from_json($3, '["VARCHAR"]'))))
       AND p.published_day BETWEEN $4::DATE AND $5::DATE AND p.origin = 'collected'
     ORDER BY ${TOP_POST_ORDER} LIMIT $6`,
    [modelVersion, themeId, unitIds ? JSON.stringify(unitIds) : null, from, to, limit],
  );
}

/** The posts of a theme's stored ranking (written by the roll-up), best first. */
export function postsOfStoredTop(db: Queryable, themeId: string, limit: number): Promise<ThemePostRow[]> {
  return db.all<ThemePostRow>(
    `SELECT p.id, p.unit_id, u.name AS unit_name, p.title, p.url, p.published_at, p.repost_of, t.score
     FROM theme_top_posts t JOIN posts p ON p.id = t.post_id JOIN units u ON u.id = p.unit_id
     WHERE t.theme_id = $1 AND t.rank <= $2 ORDER BY t.rank`,
    [themeId, limit],
  );
}

/** One theme with its phase window (same shape as planThemes rows). */
export function themeById(db: Queryable, id: string): Promise<ThemeRow | null> {
  return db.one<ThemeRow>(
    `SELECT t.id, t.plan_id, t.phase_id, t.ord, t.title, t.text, t.class, t.group_label, t.keyphrases_json, t.negative_json,
       t.min_matches, t.weight, ph.label AS phase_label, ph.ord AS phase_ord,
       strftime(ph.starts_on, '%Y-%m-%d') AS starts_on, strftime(ph.ends_on, '%Y-%m-%d') AS ends_on
     FROM themes t JOIN phases ph ON ph.id = t.phase_id WHERE t.id = $1`,
    [id],
  );
}
