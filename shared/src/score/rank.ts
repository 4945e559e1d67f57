// Ranks, always of the unit's own score ("Điểm đơn vị"), and always with their scope: among every unit
// accountable for the plan ("hạng trong toàn tỉnh") or among the units of the subtree being looked at
// ("hạng trong cụm").

/** Competition ranking ("1, 2, 2, 4"): equal scores share a rank. */
export function competitionRanks(scores: readonly number[]): number[] {
  const sorted = [...scores].sort((a, b) => b - a);
  const first = new Map<number, number>();
  sorted.forEach((s, i) => {
    if (!first.has(s)) first.set(s, i + 1);
  });
  return scores.map((s) => first.get(s)!);
}

/** Ranks of the units' scores by id (competition ranking among exactly those units). */
export function ranksById(scores: readonly { id: string; score: number }[]): Map<string, number> {
  const ranks = competitionRanks(scores.map((s) => s.score));
  return new Map(scores.map((s, i) => [s.id, ranks[i]!]));
}
