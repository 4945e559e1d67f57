// Loads the figures every page and export shows for units (shared/src/score/figures.ts): own score,
// subtree score, covered counts, the province-wide rank and the rank within the scope.
import { unitFigures, type ScoredUnit, type UnitFigures } from '@tdtt/shared/score';
import type { Queryable } from '../db/connection';
import * as q from '../db/queries';

export type FiguresOf = (unitId: string) => UnitFigures | null;

/** Figures of the plan's units in a month; `scopeRootIds`: the subtrees of "hạng trong cụm" (null: the whole plan). */
export async function monthFigures(db: Queryable, planId: string, month: string, scopeRootIds: string[] | null): Promise<FiguresOf> {
  const rows = await q.scoredUnitsOfMonth(db, planId, month);
  return figuresFrom(rows.map((r) => ({ id: r.unit_id, parentId: r.parent_id, score: r.score, covered: r.covered, active: r.active })), scopeRootIds);
}

export function figuresFrom(units: ScoredUnit[], scopeRootIds: string[] | null): FiguresOf {
  const figures = unitFigures(units, scopeRootIds);
  return (id) => figures.get(id) ?? null;
}
