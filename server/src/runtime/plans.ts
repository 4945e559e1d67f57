import type { JobRunner } from '@tdtt/jobs/schedule';
import { DEFAULT_NAMED_EVENTS, parsePlan, type NamedEvent, type ParsePlanOptions } from '@tdtt/shared/plan';
import type { ParsedPlan } from '@tdtt/shared';
import type { Database, Queryable } from '../db/connection';
import * as q from '../db/queries';
import { importPlanDocument, parsePlanTextIsolated, type ImportFailure } from '../plan-import';

export type ImportResult = { ok: true; planId: string; plan: ParsedPlan } | { ok: false; code: string; message: string };

/** The editable table of named events, or the built-in defaults until an administrator saves one. */
export async function loadNamedEvents(db: Queryable): Promise<(NamedEvent & { endDate: string | null })[]> {
  const stored = await q.listNamedEvents(db);
  return stored ?? DEFAULT_NAMED_EVENTS.map((e) => ({ ...e, aliases: [...e.aliases], endDate: e.endDate ?? null }));
}

/**
 * Parses plan text and stores it as a new plan version, optionally assigned to units.
 * The parent's date (for "từ nay" without an issue date) comes from an already imported parent.
 */
export async function importPlanText(
  db: Database,
  text: string,
  opts: { isDefault?: boolean; unitIds?: string[]; parse?: ParsePlanOptions } = {},
): Promise<ImportResult> {
  const parseOpts = { namedEvents: await loadNamedEvents(db), ...opts.parse };
  let result = parsePlan(text, parseOpts);
  if (result.ok && !result.plan.issuedOn && !parseOpts.parentDate) {
    const parentDate = await parentIssueDate(db, result.plan);
    if (parentDate) result = parsePlan(text, { ...parseOpts, parentDate });
  }
  if (!result.ok) return { ok: false, code: result.error.code, message: result.error.message };
  const plan = result.plan;
  const planId = await storePlan(db, plan, text, { isDefault: opts.isDefault, unitIds: opts.unitIds });
  return { ok: true, planId, plan };
}

/**
 * An uploaded or pasted document → parsed plan, through the same path as `npm run plan:parse`,
 * with the stored named events and the parent's date from an already imported parent.
 */
export async function readPlanDocument(
  db: Queryable,
  bytes: Uint8Array,
  filename: string,
  opts: { maxBytes?: number } = {},
): Promise<{ ok: true; plan: ParsedPlan; text: string } | ImportFailure> {
  const namedEvents = await loadNamedEvents(db);
  const r = await importPlanDocument(bytes, filename, { namedEvents, maxBytes: opts.maxBytes });
  if (!r.ok) return r;
  if (!r.plan.issuedOn) {
    const parentDate = await parentIssueDate(db, r.plan);
    if (parentDate) {
      const again = await parsePlanTextIsolated(r.text, { namedEvents, parentDate });
      if (again.ok) return { ok: true, plan: r.ocr ? { ...again.plan, flags: r.plan.flags.slice(0, 1).concat(again.plan.flags) } : again.plan, text: r.text };
    }
  }
  return { ok: true, plan: r.plan, text: r.text };
}

/** Stores a (reviewed) plan as a new version; `lineage` keeps an edited plan in its lineage even if its code changed. */
export function storePlan(
  db: Database,
  plan: ParsedPlan,
  sourceText: string,
  opts: { isDefault?: boolean; unitIds?: string[]; lineage?: string } = {},
): Promise<string> {
  return db.transaction(async (tx) => {
    const id = await q.insertPlan(tx, plan, sourceText, { isDefault: opts.isDefault, lineage: opts.lineage });
    if (opts.unitIds?.length) await q.assignPlan(tx, id, opts.unitIds);
    return id;
  });
}

/**
 * After a plan change the theme set (and so the classifier version) changes: classify again, then
 * roll up. A classification already under way read the old themes, so wait for it and run anew.
 */
export async function reclassifyAfterPlanChange(runner: JobRunner): Promise<void> {
  if (!runner.names().includes('classify')) return;
  await runner.runFresh('classify');
  await runner.runFresh('rollup');
}

/** The parser already falls back on a dated reference; this covers a parent cited without its date. */
async function parentIssueDate(db: Queryable, plan: ParsedPlan): Promise<string | null> {
  if (plan.implements.some((d) => d.date)) return null;
  const codes = plan.implements.map((d) => d.code).filter((c): c is string => !!c);
  return (await q.currentPlanByCode(db, codes))?.issued_on ?? null;
}
