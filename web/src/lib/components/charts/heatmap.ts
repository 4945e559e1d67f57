import type { CoverageCount } from '$lib/api';

/**
 * Covered when the server says so; a subtree row when every one of its units covered the theme;
 * otherwise the default theme minimum of one matching post.
 */
export function cellCovered(c: CoverageCount): boolean {
  if (c.covered !== undefined) return c.covered;
  if (c.units !== undefined && c.coveredUnits !== undefined) return c.units > 1 ? c.coveredUnits >= c.units : c.coveredUnits > 0;
  return c.own + c.repost >= 1;
}
