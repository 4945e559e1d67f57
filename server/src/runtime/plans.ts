import { parsePlan, type ParsePlanOptions } from '@tdtt/shared/plan';
import type { ParsedPlan } from '@tdtt/shared';
import type { Database } from '../db/connection';
import * as q from '../db/queries';

export type ImportResult = { ok: true; planId: string; plan: ParsedPlan } | { ok: false; code: string; message: string };

/**
 * Parses plan text and stores it as a new plan version, optionally assigned to units.
 * The parent's date (for "từ nay" without an issue date) comes from an already imported parent.
 */
export async function importPlanText(
  db: Database,
  text: string,
  opts: { isDefault?: boolean; unitIds?: string[]; parse?: ParsePlanOptions } = {},
): Promise<ImportResult> {
  let result = parsePlan(text, opts.parse);
  if (result.ok && !result.plan.issuedOn && !opts.parse?.parentDate) {
    const parentDate = await parentIssueDate(db, result.plan);
    if (parentDate) result = parsePlan(text, { ...opts.parse, parentDate });
  }
  if (!result.ok) return { ok: false, code: result.error.code, message: result.error.message };
  const plan = result.plan;
  const planId = await db.transaction(async (tx) => {
    const id = await q.insertPlan(tx, plan, text, { isDefault: opts.isDefault });
    if (opts.unitIds?.length) await q.assignPlan(tx, id, opts.unitIds);
    return id;
  });
  return { ok: true, planId, plan };
}

/** The parser already falls back on a dated reference; this covers a parent cited without its date. */
async function parentIssueDate(db: Database, plan: ParsedPlan): Promise<string | null> {
  if (plan.implements.some((d) => d.date)) return null;
  const plans = await q.listPlans(db);
  const codes = new Set(plan.implements.map((d) => d.code?.replace(/\s+/g, '').toUpperCase()));
  return plans.find((p) => p.code && codes.has(p.code.replace(/\s+/g, '').toUpperCase()))?.issued_on ?? null;
}
