import { z } from 'zod';
import { monthParam } from './dates';
import { unitFiguresSchema } from './figures';

/** Query parameters shared by the read API (dates: ./dates). */
export const idParam = z.string().min(1).max(200).regex(/^[\w:.\-]+$/, 'mã không hợp lệ');

export const coverageQuery = z.object({
  plan: idParam.optional(),
  month: monthParam.optional(),
});
export type CoverageQuery = z.infer<typeof coverageQuery>;

export const coverageResponse = z.object({
  plan: z.object({ id: z.string(), code: z.string().nullable(), title: z.string() }),
  month: z.string(),
  months: z.array(z.string()),
  themes: z.array(z.object({ id: z.string(), title: z.string(), phaseLabel: z.string(), class: z.string().nullable() })),
  units: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      parentId: z.string().nullable(),
      depth: z.number(),
      score: z.number(),
      previousScore: z.number().nullable(),
      coveredCount: z.number(),
      activeCount: z.number(),
      postCount: z.number(),
      /** Per active theme: the unit's matches and whether they reach the theme's minimum. */
      counts: z.array(z.object({ own: z.number(), repost: z.number(), covered: z.boolean() })),
      /** What the screens show: own and subtree score, covered counts, ranks (null: not scored in the month). */
      figures: unitFiguresSchema.nullable(),
    }),
  ),
  trend: z.array(z.object({ month: z.string(), averageScore: z.number() })),
});
export type CoverageResponse = z.infer<typeof coverageResponse>;

export const overviewQuery = coverageQuery.extend({
  /** The unit whose level to show (it and its sub-units); default: the top of the caller's view. */
  unit: idParam.optional(),
});

const overviewRow = z.object({
  id: z.string(),
  name: z.string(),
  /** Registry kind slug (kindLabel names it): the overview filters by it. */
  kind: z.string(),
  parentId: z.string().nullable(),
  depth: z.number(),
  /** The level's own unit (its row sums its whole subtree); the others are its sub-units. */
  isFocus: z.boolean(),
  children: z.number(),
  /** Accountable units in the subtree, this one included. */
  units: z.number(),
  /** Mean score of the subtree (the unit's own score for a unit without sub-units). */
  score: z.number(),
  previousScore: z.number().nullable(),
  ownScore: z.number(),
  coveredCount: z.number(),
  activeCount: z.number(),
  /** Posts of the whole subtree in the month. */
  postCount: z.number(),
  /** Per active theme: the subtree's matches, how many of its units covered the theme, and whether all did. */
  counts: z.array(z.object({ own: z.number(), repost: z.number(), coveredUnits: z.number(), covered: z.boolean() })),
  /** What the screens show (shared/src/score/figures.ts); null: not scored in the month. */
  figures: unitFiguresSchema.nullable(),
  /** The same a month earlier (for the change). */
  previousFigures: unitFiguresSchema.nullable(),
});

export const overviewResponse = coverageResponse.pick({ plan: true, month: true, months: true, themes: true, trend: true }).extend({
  focus: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** From the top of the caller's view down to the focus unit. */
  path: z.array(z.object({ id: z.string(), name: z.string() })),
  summary: z.object({
    averageScore: z.number().nullable(),
    units: z.number(),
    posts: z.number(),
    fullUnits: z.number(),
    silentUnits: z.number(),
  }),
  rows: z.array(overviewRow),
  /** Units without a post in the month, anywhere under the level: how many, and the first ones. */
  silent: z.object({ total: z.number(), units: z.array(z.object({ id: z.string(), name: z.string() })) }),
});
export type OverviewResponse = z.infer<typeof overviewResponse>;
export type OverviewRow = z.infer<typeof overviewRow>;

export const errorResponse = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
