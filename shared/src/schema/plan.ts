import { z } from 'zod';
import { dayParam, orderedDays, partialDate } from './dates';

/** ISO calendar date, YYYY-MM-DD (dates in plans are Vietnam local dates): the one day validator. */
export const isoDate = dayParam;

/** A document a plan implements ("Thực hiện Kế hoạch số 26-KH/BTGTW, ngày 05-5-2021 của …"). */
export const docRefSchema = z.object({
  code: z.string().nullable(),
  kind: z.string().nullable(), // "Kế hoạch", "Hướng dẫn", "Nghị quyết", …
  date: isoDate.nullable(),
  issuer: z.string().nullable(),
  title: z.string().nullable(),
});
export type DocRef = z.infer<typeof docRefSchema>;

export const themeClassSchema = z.enum(['core', 'regular']);

export const planThemeSchema = z.object({
  /** Stable within the plan: e.g. "p1-t3". */
  key: z.string().min(1),
  numbering: z.string().nullable(), // "1.1", "a", "-" …
  order: z.number().int().nonnegative(),
  title: z.string().min(1),
  text: z.string(),
  class: themeClassSchema.nullable(),
  group: z.string().nullable(), // named sub-theme group ("1.1 - Tuyên truyền “Niềm tin mới, khí thế mới”")
  keyphrases: z.array(z.string()),
  negativePhrases: z.array(z.string()),
});
export type PlanTheme = z.infer<typeof planThemeSchema>;

export const planPhaseSchema = z.object({
  key: z.string().min(1),
  label: z.string(),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(), // null = open end ("và các năm tiếp theo")
  /** Review flags, e.g. "start-from-parent-date", "unknown-event:…". */
  flags: z.array(z.string()),
  themes: z.array(planThemeSchema),
}).superRefine(orderedDays('startsOn', 'endsOn'));
export type PlanPhase = z.infer<typeof planPhaseSchema>;

export const anniversarySchema = z.object({
  event: z.string().min(1),
  /** "YYYY-MM-DD", "YYYY-MM" or "YYYY" according to precision. */
  date: partialDate,
  precision: z.enum(['day', 'month', 'year']),
  years: z.number().int().positive().nullable(),
  /** The original event date when given ("03/02/1930"). */
  originDate: z.string().nullable(),
});
export type Anniversary = z.infer<typeof anniversarySchema>;

export const parsedPlanSchema = z.object({
  code: z.string().nullable(),
  /** Document type as titled: "Kế hoạch", "Hướng dẫn", "Chương trình". */
  kind: z.string().nullable().default(null),
  title: z.string(),
  issuer: z.string().nullable(),
  issuedOn: isoDate.nullable(),
  signer: z.string().nullable(),
  signerTitle: z.string().nullable(),
  implements: z.array(docRefSchema),
  purposes: z.string(),
  requirements: z.string(),
  phases: z.array(planPhaseSchema),
  anniversaries: z.array(anniversarySchema),
  /** kind: primary form (press, internet, oral, visual, arts, contest, emulation, foreign, publication, loudspeaker, other). */
  forms: z.array(
    z.object({ kind: z.string(), text: z.string(), label: z.string().default(''), kinds: z.array(z.string()).default([]) }),
  ),
  responsibleUnits: z.array(z.object({ name: z.string(), duties: z.string() })),
  recipients: z.array(z.string()),
  /** Footnotes of the source ("¹ Theo hình thức kết nối trực tuyến …"). */
  footnotes: z.array(z.object({ mark: z.string(), text: z.string(), line: z.number().int() })).default([]),
  /** Understood free text that is not a theme, form or unit (intro lines, closing instructions, other sections). */
  notes: z.array(z.object({ section: z.string(), text: z.string() })).default([]),
  /** Source lines that no part of the structure took, shown in the review screen. */
  notUnderstood: z.array(z.object({ line: z.number().int(), text: z.string() })),
  flags: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type ParsedPlan = z.infer<typeof parsedPlanSchema>;
