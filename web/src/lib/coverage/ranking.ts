// Ranking of units by score, with the change since the previous month.
import type { CoverageUnit } from '$lib/api';

export interface RankRow {
  unit: CoverageUnit;
  rank: number;
  /** Rank last month among units that had a score then; null when new. */
  previousRank: number | null;
  delta: number | null;
}

/** Competition ranking ("1, 2, 2, 4"): equal scores share a rank. */
function ranks(scores: number[]): number[] {
  const sorted = [...scores].sort((a, b) => b - a);
  return scores.map((s) => sorted.indexOf(s) + 1);
}

export function rankUnits(units: readonly CoverageUnit[]): RankRow[] {
  const now = ranks(units.map((u) => u.score));
  const withPrev = units.filter((u) => u.previousScore !== null);
  const prevRanks = ranks(withPrev.map((u) => u.previousScore as number));
  const prevById = new Map(withPrev.map((u, i) => [u.id, prevRanks[i]!]));
  return units
    .map((unit, i) => ({
      unit,
      rank: now[i]!,
      previousRank: prevById.get(unit.id) ?? null,
      delta: unit.previousScore === null ? null : unit.score - unit.previousScore,
    }))
    .sort((a, b) => a.rank - b.rank || a.unit.name.localeCompare(b.unit.name, 'vi'));
}

export function averageScore(units: readonly CoverageUnit[]): number | null {
  if (units.length === 0) return null;
  return units.reduce((s, u) => s + u.score, 0) / units.length;
}
