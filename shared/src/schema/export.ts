import { z } from 'zod';

const cell = z.union([z.string(), z.number(), z.null()]);

/**
 * The coverage table of an export as the XLSX and CSV are written from it (server/src/export/table.ts),
 * for the print report to render the same cells.
 */
export const exportTableSchema = z.object({
  rows: z.array(z.array(cell)),
  width: z.number(),
  merges: z.array(z.object({ top: z.number(), left: z.number(), bottom: z.number(), right: z.number() })),
  dataStart: z.number(),
  totalsRow: z.number(),
  themeCols: z.array(z.number()),
  covered: z.array(z.array(z.boolean())),
  summaryCol: z.number(),
  decimalCols: z.array(z.number()),
  depths: z.array(z.number()),
});

export const exportTableResponse = z.object({
  plan: z.object({ id: z.string(), code: z.string().nullable(), title: z.string() }),
  /** The month when the period is one (the print report is monthly). */
  month: z.string().nullable(),
  periodLabel: z.string(),
  scopeLabel: z.string(),
  themes: z.array(z.object({ id: z.string(), title: z.string(), phaseLabel: z.string(), class: z.string().nullable(), minMatches: z.number() })),
  table: exportTableSchema,
});
export type ExportTableResponse = z.infer<typeof exportTableResponse>;
