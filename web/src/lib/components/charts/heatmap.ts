import type { CoverageCount } from '$lib/api';

/** Covered when the server says so; otherwise the default theme minimum of one matching post. */
export function cellCovered(c: CoverageCount): boolean {
  return c.covered ?? c.own + c.repost >= 1;
}
