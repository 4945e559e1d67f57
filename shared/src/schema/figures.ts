import { z } from 'zod';

/** A unit's figures (shared/src/score/figures.ts computes them; every page and file shows these). */
export const unitFiguresSchema = z.object({
  /** "Điểm đơn vị": the unit's own score, its covered and active themes. */
  score: z.number(),
  covered: z.number(),
  active: z.number(),
  /** "Điểm cả cụm (TB n đơn vị)"; null for a unit without accountable sub-units. */
  subtree: z.object({ score: z.number(), units: z.number(), covered: z.number(), active: z.number() }).nullable(),
  /** "Hạng trong toàn tỉnh" and "hạng trong cụm" (null outside the scope), both of the own score. */
  rank: z.object({ province: z.number(), scope: z.number().nullable() }),
});
export type UnitFiguresResponse = z.infer<typeof unitFiguresSchema>;
