import { z } from 'zod';
import { unitFiguresSchema } from './figures';

const planRef = z.object({ id: z.string(), code: z.string().nullable(), title: z.string() });
const unitRef = z.object({ id: z.string(), name: z.string() });

export const themeSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  class: z.string().nullable(),
  phaseLabel: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  minMatches: z.number(),
});

export const themeListResponse = z.object({
  plan: planRef,
  today: z.string(),
  unitCount: z.number(),
  themes: z.array(
    themeSummarySchema.extend({
      state: z.enum(['upcoming', 'active', 'ended']),
      coveredUnits: z.number(),
      /** Share of the visible accountable units that covered the theme, 0–100. */
      share: z.number(),
      own: z.number(),
      repost: z.number(),
    }),
  ),
});
export type ThemeListResponse = z.infer<typeof themeListResponse>;

export const themeDetailResponse = z.object({
  theme: themeSummarySchema.extend({ text: z.string() }),
  plan: planRef,
  from: z.string(),
  to: z.string(),
  /** The month of the units' figures. */
  month: z.string(),
  focus: unitRef.nullable(),
  /** From the top of the caller's view down to the focus unit. */
  path: z.array(unitRef),
  series: z.array(z.object({ month: z.string(), own: z.number(), repost: z.number() })),
  /** One level: the focus unit and its sub-units, each summing its subtree over the days. */
  units: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      depth: z.number(),
      isFocus: z.boolean(),
      children: z.number(),
      /** Units in the subtree and how many of them covered the theme. */
      units: z.number(),
      own: z.number(),
      repost: z.number(),
      coveredUnits: z.number(),
      covered: z.boolean(),
      firstDay: z.string().nullable(),
      lastDay: z.string().nullable(),
      /** The unit's figures of `month` (score, covered, ranks). */
      figures: unitFiguresSchema.nullable(),
    }),
  ),
  topPosts: z.array(
    z.object({ id: z.string(), title: z.string(), url: z.string(), unitId: z.string(), unitName: z.string(), publishedAt: z.string(), isRepost: z.boolean(), score: z.number() }),
  ),
});
export type ThemeDetailResponse = z.infer<typeof themeDetailResponse>;
