// A unit's figures as every screen and file shows them, computed once (on the server) from the own
// scores of every unit accountable for the plan: own score and covered count, the subtree's mean
// and covered count when the unit has accountable sub-units, and the two ranks.
import { ranksById } from './rank';
import { subtreeScore } from './score';

export interface ScoredUnit {
  id: string;
  parentId: string | null;
  score: number;
  covered: number;
  active: number;
}

export interface SubtreeFigures {
  /** Mean of the own scores of the unit and its accountable descendants ("Điểm cả cụm"). */
  score: number;
  /** Units in the mean. */
  units: number;
  /** Covered (unit, theme) pairs over those units, of `active` pairs. */
  covered: number;
  active: number;
}

export interface UnitFigures {
  /** The unit's own score, covered and active themes ("Điểm đơn vị"). */
  score: number;
  covered: number;
  active: number;
  /** Null for a unit without accountable sub-units. */
  subtree: SubtreeFigures | null;
  rank: {
    /** Among every unit accountable for the plan. */
    province: number;
    /** Among the units of the scope's subtree(s); null outside it. */
    scope: number | null;
  };
}

/**
 * Figures of every given unit. `scopeRootIds`: whose subtrees make up the scope of "hạng trong
 * cụm" (null: the whole plan, the same as the province rank).
 */
export function unitFigures(all: readonly ScoredUnit[], scopeRootIds: readonly string[] | null): Map<string, UnitFigures> {
  const byId = new Map(all.map((u) => [u.id, u]));
  // Each unit's accountable ancestors, itself first (parents outside the plan end the chain).
  const chain = (u: ScoredUnit): string[] => {
    const out = [u.id];
    for (let p = u.parentId; p !== null && byId.has(p) && out.length < 64; p = byId.get(p)!.parentId) out.push(p);
    return out;
  };
  const members = new Map<string, ScoredUnit[]>();
  const inScope: ScoredUnit[] = [];
  const roots = scopeRootIds ? new Set(scopeRootIds) : null;
  for (const u of all) {
    const up = chain(u);
    for (const a of up) {
      const list = members.get(a);
      if (list) list.push(u);
      else members.set(a, [u]);
    }
    if (!roots || up.some((a) => roots.has(a))) inScope.push(u);
  }
  const province = ranksById(all);
  const scope = ranksById(inScope);
  const out = new Map<string, UnitFigures>();
  for (const u of all) {
    const m = members.get(u.id)!;
    out.set(u.id, {
      score: u.score,
      covered: u.covered,
      active: u.active,
      subtree:
        m.length > 1
          ? {
              score: subtreeScore(m.map((x) => x.score)),
              units: m.length,
              covered: m.reduce((a, x) => a + x.covered, 0),
              active: m.reduce((a, x) => a + x.active, 0),
            }
          : null,
      rank: { province: province.get(u.id)!, scope: scope.get(u.id) ?? null },
    });
  }
  return out;
}
