import type { Queryable } from '../db/connection';
import * as q from '../db/queries';
import { exportPosts, latestCollectAt, periodCounts, periodPostCounts } from '../db/queries/export';
import { badRequest, forbidden, notFound } from '../middleware/errors';
import type { Scope } from '../middleware/scope';
import { currentModelVersion } from '../runtime/model';
import { coveredMinimum, relativeDepths } from '@tdtt/shared/score';
import { coverageUnitRows, coverageView, resolveMonth, resolvePlan, scopeRoots, visibleUnits } from '../views/coverage';
import { figuresFrom, monthFigures } from '../views/figures';
import { PeriodError, resolvePeriod, type ExportPeriod, type PeriodQuery } from './period';
import { activeInPeriod, periodScores, weightOf } from './period-scores';
import type { CoverageUnit, ExportData, ExportPost } from './types';

export interface ExportQuery extends PeriodQuery {
  plan?: string;
  unit?: string;
  /** Include the sheet of posts that counted (default true). */
  posts?: boolean;
}

/**
 * Gathers one export: the coverage API's rows for a month (coverageView itself), or the same rows
 * scored over a longer period; restricted to the caller's scope and to the `unit` subtree.
 */
export async function loadExport(db: Queryable, scope: Scope, query: ExportQuery, now: Date): Promise<ExportData> {
  const plan = await resolvePlan(db, query.plan, scope);
  const needsDefault = [query.month, query.quarter, query.year, query.from, query.to].every((v) => v === undefined);
  const fallback = needsDefault ? (await resolveMonth(db, plan.id, undefined, now)).month : '1970-01';
  let period: ExportPeriod;
  try {
    period = resolvePeriod(query, fallback);
  } catch (err) {
    if (err instanceof PeriodError) throw badRequest(err.message);
    throw err;
  }

  let subtree: Set<string> | null = null;
  // Ranks "trong cụm": within the exported subtree, or the lead's own.
  let scopeRootIds = scopeRoots(scope);
  let scopeLabel = scope.isAll ? 'Tất cả đơn vị' : 'Đơn vị được giao và đơn vị trực thuộc';
  if (query.unit !== undefined) {
    if (!scope.canSee(query.unit)) throw forbidden();
    const root = await q.getUnit(db, query.unit);
    if (!root) throw notFound(`đơn vị "${query.unit}"`);
    subtree = new Set(await q.subtreeIds(db, root.id));
    scopeLabel = `${root.name} và các đơn vị trực thuộc`;
    scopeRootIds = [root.id];
  }

  const [allThemes, collectedAt, view] = await Promise.all([
    q.planThemes(db, plan.id),
    latestCollectAt(db),
    period.month ? coverageView(db, scope, { plan: plan.id, month: period.month }, now) : null,
  ]);
  let themeIds: string[];
  let units: CoverageUnit[];
  if (view) {
    themeIds = view.themes.map((t) => t.id);
    const figures = await monthFigures(db, plan.id, period.month!, scopeRootIds);
    units = view.units.map((u) => ({ ...u, figures: figures(u.id) }));
  } else {
    // Scored over the period by the monthly rules; every accountable unit, for the province-wide rank.
    const active = activeInPeriod(allThemes, period);
    const [visible, accountable] = await Promise.all([visibleUnits(db, plan.id, scope), q.accountableUnitIds(db, plan.id).then((ids) => q.listUnits(db, ids))]);
    themeIds = active.map((t) => t.id);
    const [counts, postCounts] = await Promise.all([periodCounts(db, themeIds, period.from, period.to), periodPostCounts(db, period.from, period.to)]);
    const scores = periodScores(accountable.map((u) => u.id), active, counts, postCounts);
    const figures = figuresFrom(accountable.map((u) => ({ id: u.id, parentId: u.parent_id, ...scores.get(u.id)! })), scopeRootIds);
    units = coverageUnitRows(visible, active, scores, new Map(), new Map(counts.map((c) => [`${c.unit_id}|${c.theme_id}`, c])), figures);
  }
  if (subtree) {
    const kept = units.filter((u) => subtree.has(u.id));
    const depth = relativeDepths(kept);
    units = kept.map((u) => ({ ...u, depth: depth(u) }));
  }

  const byId = new Map(allThemes.map((t) => [t.id, t]));
  const themes = themeIds.map((id) => {
    const t = byId.get(id)!;
    return { id, title: t.title, phaseLabel: t.phase_label, class: t.class, startsOn: t.starts_on, endsOn: t.ends_on, minMatches: coveredMinimum(t.min_matches), weight: weightOf(t) };
  });

  let posts: ExportPost[] | null = null;
  if (query.posts !== false && units.length && themeIds.length) {
    const rows = await exportPosts(db, await currentModelVersion(db), units.map((u) => u.id), themeIds, period.from, period.to);
    const rank = new Map(units.map((u, i) => [u.id, i]));
    posts = rows
      .map((r) => ({ unitId: r.unit_id, day: r.day, publishedAt: r.published_at, title: r.title, url: r.url, themeIds: JSON.parse(r.theme_ids) as string[], isRepost: r.is_repost }))
      .sort((a, b) => rank.get(a.unitId)! - rank.get(b.unitId)!); // stable: date order within a unit kept
  } else if (query.posts !== false) posts = [];

  return {
    plan: { id: plan.id, code: plan.code, title: plan.title },
    period,
    scopeLabel,
    themes,
    units,
    posts,
    collectedAt,
    generatedAt: now.toISOString(),
  };
}
