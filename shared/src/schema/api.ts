import { z } from 'zod';

/** Query parameters shared by the read API. */
export const monthParam = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'tháng phải có dạng YYYY-MM (ví dụ 2025-03)');
export const dayParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD');
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
      counts: z.array(z.object({ own: z.number(), repost: z.number() })),
    }),
  ),
  trend: z.array(z.object({ month: z.string(), averageScore: z.number() })),
});
export type CoverageResponse = z.infer<typeof coverageResponse>;

export const errorResponse = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
