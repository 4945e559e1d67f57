import type { CoverageResponse } from '@tdtt/shared';
import { addMonths, isCovered, monthPeriod, overlaps, relativeDepths, vietnamMonth } from '@tdtt/shared/score';
import type { Queryable } from '../db/connection';
import * as q from '../db/queries';
import { notFound } from '../middleware/errors';
import type { Scope } from '../middleware/scope';
import { monthFigures, type FiguresOf } from './figures';
import { planVisible, visiblePlanLineages } from './plan-scope';

/**
 * The plan a read asks for — or, without one, the default plan — provided the caller may see it
 * (views/plan-scope). A lead whose units the default plan does not concern gets the first plan that
 * does. Not visible = not found.
 */
export async function resolvePlan(db: Queryable, planId: string | undefined, scope: Scope): Promise<q.PlanRow> {
  const lineages = await visiblePlanLineages(db, scope);
  if (planId !== undefined) {
    const plan = await q.getPlan(db, planId);
    if (!plan || !planVisible(lineages, plan)) throw notFound(`kế hoạch "${planId}"`);
    return plan;
  }
  const id = await q.defaultPlanId(db);
  let plan = id ? await q.getPlan(db, id) : null;
  if (plan && !planVisible(lineages, plan)) {
    const first = (await q.listPlans(db)).find((p) => planVisible(lineages, p));
    plan = first ? await q.getPlan(db, first.id) : null;
  }
  if (!plan) throw notFound('kế hoạch nào (chưa nhập kế hoạch hoặc chưa có kế hoạch giao cho đơn vị)');
  return plan;
}

/** The month to show by default: the latest scored month not after today. */
export async function resolveMonth(db: Queryable, planId: string, month: string | undefined, now: Date): Promise<{ month: string; months: string[] }> {
  const months = await q.scoredMonths(db, planId);
  if (month) return { month, months };
  const current = vietnamMonth(now);
  return { month: [...months].reverse().find((m) => m <= current) ?? current, months };
}

export function activeThemes(themes: q.ThemeRow[], month: string): q.ThemeRow[] {
  const period = monthPeriod(month);
  return themes.filter((t) => overlaps({ startsOn: t.starts_on, endsOn: t.ends_on }, period));
}

/** Accountable units of the plan the caller may see, in hierarchy order. */
export async function visibleUnits(db: Queryable, planId: string, scope: Scope): Promise<q.UnitRow[]> {
  const ids = scope.filter(await q.accountableUnitIds(db, planId), (id) => id);
  return q.listUnits(db, ids);
}

export async function coverageView(db: Queryable, scope: Scope, query: { plan?: string; month?: string }, now: Date): Promise<CoverageResponse> {
  const plan = await resolvePlan(db, query.plan, scope);
  const { month, months } = await resolveMonth(db, plan.id, query.month, now);
  const themes = activeThemes(await q.planThemes(db, plan.id), month);
  const units = await visibleUnits(db, plan.id, scope);
  const [scores, previous, counts, trend, figures] = await Promise.all([
    q.unitScores(db, plan.id, month),
    q.unitScores(db, plan.id, addMonths(month, -1)),
    q.monthlyCounts(db, themes.map((t) => t.id), month, month),
    q.scoreTrend(db, plan.id, units.map((u) => u.id)),
    monthFigures(db, plan.id, month, scopeRoots(scope)),
  ]);
  const scoreOf = new Map(scores.map((s) => [s.unit_id, s]));
  const prevOf = new Map(previous.map((s) => [s.unit_id, s.score]));
  const countOf = new Map(counts.map((c) => [`${c.unit_id}|${c.theme_id}`, c]));
  return {
    plan: { id: plan.id, code: plan.code, title: plan.title },
    month,
    months,
    themes: themes.map((t) => ({ id: t.id, title: t.title, phaseLabel: t.phase_label, class: t.class })),
    units: coverageUnitRows(units, themes, scoreOf, prevOf, countOf, figures),
    trend: trend.map((t) => ({ month: t.month, averageScore: t.average_score })),
  };
}

/** Whose subtrees make up the caller's "cụm" for ranks: a lead's unit; staff see the whole plan (null). */
export function scopeRoots(scope: Scope): string[] | null {
  return scope.isAll || !scope.rootUnitId ? null : [scope.rootUnitId];
}

type UnitFigures = Pick<q.ScoreRow, 'score' | 'covered' | 'active' | 'post_count'>;

/** Table rows: units in hierarchy order, counts aligned with `themes` (shared with the export for any period). */
export function coverageUnitRows(
  units: q.UnitRow[],
  themes: { id: string; min_matches: number }[],
  scoreOf: Map<string, UnitFigures>,
  prevOf: Map<string, number>,
  countOf: Map<string, { own: number; repost: number }>,
  figures: FiguresOf,
): CoverageResponse['units'] {
  const depth = relativeDepths(units);
  return units.map((u) => {
    const s = scoreOf.get(u.id);
    return {
      id: u.id,
      name: u.name,
      parentId: u.parent_id,
      depth: depth(u),
      score: s?.score ?? 0,
      previousScore: prevOf.get(u.id) ?? null,
      coveredCount: s?.covered ?? 0,
      activeCount: s?.active ?? themes.length,
      postCount: s?.post_count ?? 0,
      counts: themes.map((t) => {
        const c = { own: countOf.get(`${u.id}|${t.id}`)?.own ?? 0, repost: countOf.get(`${u.id}|${t.id}`)?.repost ?? 0 };
        return { ...c, covered: isCovered(c, t.min_matches) };
      }),
      figures: figures(u.id),
    };
  });
}
