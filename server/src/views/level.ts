// One level of a plan's accountable hierarchy, as the overview and theme pages show it: a focus unit
// and its sub-units (each row standing for its whole subtree), or the tops of the caller's view.
import type { Queryable } from '../db/connection';
import * as q from '../db/queries';
import { forbidden, notFound } from '../middleware/errors';
import type { Scope } from '../middleware/scope';

export interface Level {
  /** The unit whose sub-units are listed (first row); null when the view has several tops. */
  focusId: string | null;
  rows: q.LevelUnitRow[];
  /** Whose subtrees make up the whole view (the focus, or the tops). */
  rootIds: string[];
  /** From the top of the caller's view down to the focus (ids and names), for a breadcrumb. */
  path: Promise<{ id: string; name: string }[]>;
}

export async function resolveLevel(db: Queryable, scope: Scope, planId: string, unit: string | undefined): Promise<Level> {
  if (unit && !scope.canSee(unit)) throw forbidden();
  // The plan's assigned units come with their sub-units (the usual first screen); a given unit's level
  // is read alongside.
  const [top, given] = await Promise.all([q.assignedUnits(db, planId), unit ? q.levelUnits(db, [unit], true) : null]);
  const assigned = top.filter((u) => u.assigned);
  const accountable = (u: { sort_path: string }) => assigned.some((a) => q.isWithin(u.sort_path, a.sort_path));
  let focusId: string | null = unit ?? null;
  let tops: q.LevelUnitRow[] = [];
  let rows: q.LevelUnitRow[] | null = given;
  if (!focusId) {
    // The tops of the caller's view: the outermost assigned units, or the lead's own unit.
    const outer = assigned.filter((a) => !assigned.some((b) => b.id !== a.id && q.isWithin(a.sort_path, b.sort_path)));
    const [root] = scope.isAll ? [] : await q.levelUnits(db, [scope.rootUnitId ?? ''], false);
    tops = scope.isAll ? outer : !root ? [] : accountable(root) ? [root] : outer.filter((a) => q.isWithin(a.sort_path, root.sort_path));
    // One top: show it with its sub-units (already read when it is an assigned unit).
    if (tops.length === 1) {
      focusId = tops[0]!.id;
      if (assigned.some((a) => a.id === focusId)) rows = top.filter((u) => u.id === focusId || u.parent_id === focusId);
    }
  }
  rows = focusId ? scope.filter(rows ?? (await q.levelUnits(db, [focusId], true)), (u) => u.id) : tops;
  if (focusId && !rows.some((u) => u.id === focusId && accountable(u))) throw notFound(`đơn vị "${focusId}" trong kế hoạch này`);
  const focus = rows.find((u) => u.id === focusId);
  return {
    focusId,
    rows,
    rootIds: focusId ? [focusId] : tops.map((u) => u.id),
    // The top of the caller's view has no ancestor they may see in the plan: no need to ask.
    path: !focusId ? Promise.resolve([]) : !unit && focus ? Promise.resolve([{ id: focus.id, name: focus.name }]) : focusPath(db, focusId, scope, accountable),
  };
}

/** The focus unit's accountable ancestors the caller may see, top first, ending with the focus. */
async function focusPath(db: Queryable, focusId: string, scope: Scope, accountable: (u: { sort_path: string }) => boolean): Promise<{ id: string; name: string }[]> {
  const chain = await q.unitWithAncestors(db, focusId);
  return chain.filter((u) => scope.canSee(u.id) && accountable(u)).map((u) => ({ id: u.id, name: u.name }));
}
