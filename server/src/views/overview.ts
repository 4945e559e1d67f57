// The overview page: one level of the hierarchy at a time (a unit and its sub-units, each with its
// subtree's figures), so its cost does not grow with the number of units.
import type { OverviewResponse } from '@tdtt/shared';
import { addMonths, isSubtreeCovered, relativeDepths, vietnamMonth } from '@tdtt/shared/score';
import type { Queryable } from '../db/connection';
import * as q from '../db/queries';
import type { Scope } from '../middleware/scope';
import { activeThemes, resolvePlan } from './coverage';
import { monthFigures } from './figures';
import { resolveLevel } from './level';

const SILENT_LISTED = 50;

export async function overviewView(db: Queryable, scope: Scope, query: { plan?: string; month?: string; unit?: string }, now: Date): Promise<OverviewResponse> {
  // A plan given by id: its level is read alongside the plan (an unknown plan still ends in 404).
  const early = query.plan ? resolveLevel(db, scope, query.plan, query.unit) : null;
  early?.catch(() => undefined); // handled below, or moot when the plan is unknown
  const plan = await resolvePlan(db, query.plan, scope);
  const [themes, level] = await Promise.all([q.planThemes(db, plan.id), early ?? resolveLevel(db, scope, plan.id, query.unit)]);
  const { focusId, rows: rowsUnits, rootIds } = level;

  // Months with active themes, from the roots' subtree scores (they also give the trend); asked
  // alongside the rest when the month is given.
  const series = q.subtreeScores(db, plan.id, rootIds, null);
  const monthsOf = (rows: q.SubtreeScoreRow[]) => [...new Set(rows.map((s) => s.month))].filter((m) => activeThemes(themes, m).length > 0).sort();
  // By default the last complete month: the month under way has only its first days (it would read
  // as a drop); it opens only while no earlier month is scored.
  const current = vietnamMonth(now);
  const scored = [...monthsOf(await series)].reverse();
  const month = query.month ?? scored.find((m) => m < current) ?? scored.find((m) => m <= current) ?? current;
  const active = activeThemes(themes, month);
  const ids = rowsUnits.map((u) => u.id);
  const previousMonth = addMonths(month, -1);
  const [rootSeries, scores, silent, path, figures, previousFigures] = await Promise.all([
    series,
    q.levelScores(db, plan.id, ids, [month, previousMonth], month),
    q.silentUnitsOf(db, plan.id, level.rows.filter((u) => rootIds.includes(u.id)).map((u) => u.sort_path), month, SILENT_LISTED),
    level.path,
    monthFigures(db, plan.id, month, rootIds),
    monthFigures(db, plan.id, previousMonth, rootIds),
  ]);
  // Cells come per plan theme; the page shows the month's active ones.
  const activeIndex = active.map((t) => themes.indexOf(t));
  const cellsOf = (packed: string | undefined, units: number) => {
    const all = q.unpackCells(packed ?? '', themes.length);
    return activeIndex.map((i) => ({ ...all[i]!, covered: isSubtreeCovered(all[i]!.coveredUnits, units) }));
  };
  const months = monthsOf(rootSeries);
  const scoreOf = new Map(scores.filter((s) => s.month === month).map((s) => [s.unit_id, s]));
  const prevOf = new Map(scores.filter((s) => s.month === previousMonth).map((s) => [s.unit_id, s.score]));
  const roots = rootSeries.filter((s) => s.month === month);
  const units = roots.reduce((a, s) => a + s.units, 0);
  const depth = relativeDepths(rowsUnits);

  return {
    plan: { id: plan.id, code: plan.code, title: plan.title },
    month,
    months,
    themes: active.map((t) => ({ id: t.id, title: t.title, phaseLabel: t.phase_label, class: t.class })),
    focus: path.at(-1) ?? null,
    path,
    summary: {
      averageScore: units === 0 ? null : weightedMean(roots),
      units,
      posts: roots.reduce((a, s) => a + s.post_count, 0),
      fullUnits: roots.reduce((a, s) => a + s.full_units, 0),
      silentUnits: roots.reduce((a, s) => a + s.silent_units, 0),
    },
    rows: rowsUnits.map((u) => {
      const s = scoreOf.get(u.id);
      return {
        id: u.id,
        name: u.name,
        kind: u.kind,
        parentId: u.parent_id,
        depth: depth(u),
        isFocus: u.id === focusId,
        children: u.children,
        units: u.units,
        score: s?.score ?? 0,
        previousScore: prevOf.get(u.id) ?? null,
        ownScore: s?.own_score ?? 0,
        coveredCount: s?.covered ?? 0,
        activeCount: s?.active ?? active.length,
        postCount: s?.post_count ?? 0,
        counts: cellsOf(s?.cells, s?.units ?? u.units),
        figures: figures(u.id),
        previousFigures: previousFigures(u.id),
      };
    }),
    trend: months.map((m) => {
      const at = rootSeries.filter((s) => s.month === m);
      return { month: m, averageScore: weightedMean(at) ?? 0 };
    }),
    silent: { total: silent[0]?.total ?? 0, units: silent.map((u) => ({ id: u.id, name: u.name })) },
  };
}

/** Mean score over several subtrees, each weighing its number of units (one decimal, as stored). */
function weightedMean(rows: { score: number; units: number }[]): number | null {
  const n = rows.reduce((a, s) => a + s.units, 0);
  return n === 0 ? null : Math.round((10 * rows.reduce((a, s) => a + s.score * s.units, 0)) / n) / 10;
}

