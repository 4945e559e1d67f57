import { z } from 'zod';
import { unitFiguresSchema } from './figures';

const planRef = z.object({ id: z.string(), code: z.string().nullable(), title: z.string() });

export const unitSummarySchema = z.object({ id: z.string(), name: z.string(), kind: z.string(), parentId: z.string().nullable(), depth: z.number() });
export const unitListResponse = z.object({ units: z.array(unitSummarySchema) });
export type UnitSummary = z.infer<typeof unitSummarySchema>;

export const sourceSummarySchema = z.object({
  id: z.string(),
  kind: z.string(),
  url: z.string(),
  state: z.enum(['paused', 'failing', 'ok', 'new']),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  failureScore: z.number(),
  nextPollAt: z.string().nullable(),
});

export const unitDetailResponse = z.object({
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string(), parentId: z.string().nullable() }),
  plan: planRef,
  month: z.string(),
  /** The unit's own score of the month (figures.score). */
  score: z.number(),
  /** Own and subtree score, covered counts and ranks, as every page shows them (null: not scored). */
  figures: unitFiguresSchema.nullable(),
  scoreSeries: z.array(z.object({ month: z.string(), score: z.number(), postCount: z.number() })),
  themes: z.array(z.object({ id: z.string(), title: z.string(), phaseLabel: z.string(), covered: z.boolean(), own: z.number(), repost: z.number() })),
  posts: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      url: z.string(),
      publishedAt: z.string(),
      isRepost: z.boolean(),
      themes: z.array(z.object({ id: z.string(), title: z.string() })),
    }),
  ),
  sources: z.array(sourceSummarySchema),
  /** Direct sub-units: their subtree score (score) and figures. */
  children: z.array(z.object({ id: z.string(), name: z.string(), score: z.number(), figures: unitFiguresSchema.nullable() })),
});
export type UnitDetailResponse = z.infer<typeof unitDetailResponse>;
