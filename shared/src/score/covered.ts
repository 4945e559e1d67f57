// The covered rule, in one place for both languages it runs in: TypeScript (pages, exports) and the
// SQL of the roll-ups (coveredSql), which counts covered units over millions of rows.

/** The posts a theme needs: its minimum, at least one. */
export function coveredMinimum(minMatches: number): number {
  return Math.max(1, minMatches);
}

/** A unit covered a theme when its own posts + reposts reach the theme's minimum (submitted evidence does not count). */
export function isCovered(count: { own: number; repost: number } | undefined, minMatches: number): boolean {
  return count !== undefined && count.own + count.repost >= coveredMinimum(minMatches);
}

/** isCovered as a SQL boolean expression over the given column expressions (same rule, checked against it by a test). */
export function coveredSql(own: string, repost: string, minMatches: string): string {
  return `(${own} + ${repost} >= greatest(1, ${minMatches}))`;
}

/**
 * A cell of a subtree row ("cả cụm"): covered when every unit of the subtree covered the theme; a
 * unit without sub-units (units = 1) when it did.
 */
export function isSubtreeCovered(coveredUnits: number, units: number): boolean {
  return units > 0 && coveredUnits >= units;
}
