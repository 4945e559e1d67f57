import type { Queryable } from '../db/connection';
import * as q from '../db/queries';
import type { Scope } from '../middleware/scope';

/**
 * The plans a caller may read, by lineage (every version of a plan shares it): all for admin and
 * staff (null); for a unit lead, the current plans assigned to their subtree or to its ancestors —
 * the plans their units answer for (README "Scores"). Anything else is a 404, as if it did not exist.
 */
export async function visiblePlanLineages(db: Queryable, scope: Scope): Promise<ReadonlySet<string> | null> {
  if (scope.isAll) return null;
  if (!scope.rootUnitId) return new Set();
  return new Set(await q.planLineagesAroundUnit(db, scope.rootUnitId));
}

export function planVisible(lineages: ReadonlySet<string> | null, plan: { lineage: string }): boolean {
  return lineages === null || lineages.has(plan.lineage);
}
