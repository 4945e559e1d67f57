import type { Queryable } from '../connection';
import { effectiveMatchesSql } from './matches';

export interface UnitDayRow {
  unit_id: string;
  day: string;
}

/** Days (GMT+7) on which each unit published a collected post matching any of the given themes. */
export function themePostDays(db: Queryable, modelVersion: string, themeIds: string[], unitIds: string[], from: string, to: string): Promise<UnitDayRow[]> {
  return db.all<UnitDayRow>(
    `SELECT DISTINCT p.unit_id, strftime(p.published_day, '%Y-%m-%d') AS day
     FROM ${effectiveMatchesSql('$1')} e JOIN posts p ON p.id = e.post_id
     WHERE e.theme_id IN (SELECT unnest(from_json($2, '["VARCHAR"]'))) AND p.unit_id IN (SELECT unnest(from_json($3, '["VARCHAR"]')))
       AND p.origin = 'collected' AND p.published_day BETWEEN $4::DATE AND $5::DATE
     ORDER BY day`,
    [modelVersion, JSON.stringify(themeIds), JSON.stringify(unitIds), from, to],
  );
}

/**
 * Fallback when a plan names no anniversary theme: days of posts matching any of the plan's themes whose
 * title or text names the event (accent- and case-folded, so "Ngay thanh lap Dang" finds "Ngày thành lập Đảng").
 */
export function eventPostDays(db: Queryable, modelVersion: string, themeIds: string[], unitIds: string[], from: string, to: string, eventFolded: string): Promise<UnitDayRow[]> {
  return db.all<UnitDayRow>(
    `SELECT DISTINCT p.unit_id, strftime(p.published_day, '%Y-%m-%d') AS day
     FROM ${effectiveMatchesSql('$1')} e JOIN posts p ON p.id = e.post_id
     WHERE e.theme_id IN (SELECT unnest(from_json($2, '["VARCHAR"]'))) AND p.unit_id IN (SELECT unnest(from_json($3, '["VARCHAR"]')))
       AND p.origin = 'collected' AND p.published_day BETWEEN $4::DATE AND $5::DATE
       AND contains(replace(strip_accents(lower(p.title || ' ' || p.text)), 'đ', 'd'), $6)
     ORDER BY day`,
    [modelVersion, JSON.stringify(themeIds), JSON.stringify(unitIds), from, to, eventFolded],
  );
}
