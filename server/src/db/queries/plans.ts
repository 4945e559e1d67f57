import { createHash } from 'node:crypto';
import type { ParsedPlan } from '@tdtt/shared';
import type { Queryable } from '../connection';
import { descendantsSql } from './units';

export interface PlanRow {
  id: string;
  code: string | null;
  title: string;
  issuer: string | null;
  issued_on: string | null;
  parent_id: string | null;
  lineage: string;
  version: number;
  is_default: boolean;
  parsed_json: string;
}

export interface ThemeRow {
  id: string;
  plan_id: string;
  phase_id: string;
  ord: number;
  title: string;
  text: string;
  class: string | null;
  group_label: string | null;
  keyphrases_json: string;
  negative_json: string;
  min_matches: number;
  weight: number | null;
  phase_label: string;
  phase_ord: number;
  starts_on: string | null;
  ends_on: string | null;
}

/** A plan's identity across versions: its document code, else a hash of issuer and title. */
export function planLineage(plan: Pick<ParsedPlan, 'code' | 'title' | 'issuer'>): string {
  const key = plan.code ?? `${plan.issuer ?? ''}|${plan.title}`;
  return createHash('sha256').update(key.normalize('NFC')).digest('hex').slice(0, 10);
}

/**
 * Stores a parsed plan as a new version of its lineage (re-import keeps assignments and history:
 * assignments move to the new version, older versions stay readable). Returns the new plan id.
 */
export async function insertPlan(
  tx: Queryable,
  plan: ParsedPlan,
  sourceText: string,
  opts: { isDefault?: boolean; lineage?: string } = {},
): Promise<string> {
  const lineage = opts.lineage ?? (await lineageByCode(tx, plan.code)) ?? planLineage(plan);
  const prev = await tx.one<{ id: string; version: number; is_default: boolean }>(
    `SELECT id, version, is_default FROM plans WHERE lineage = $1 AND is_current`,
    [lineage],
  );
  const version = (prev?.version ?? 0) + 1;
  const id = `kh-${lineage}-v${version}`;
  const parent = await findParent(tx, plan);
  const isDefault = opts.isDefault ?? prev?.is_default ?? false;
  if (isDefault) await tx.run(`UPDATE plans SET is_default = false WHERE is_default`);
  if (prev) await tx.run(`UPDATE plans SET is_current = false, is_default = false WHERE id = $1`, [prev.id]);
  await tx.run(
    `INSERT INTO plans (id, code, title, issuer, issued_on, parent_id, lineage, version, is_current, is_default, source_text, parsed_json)
     VALUES ($1, $2, $3, $4, $5::DATE, $6, $7, $8, true, $9, $10, $11)`,
    [id, plan.code, plan.title, plan.issuer, plan.issuedOn, parent, lineage, version, isDefault, sourceText, JSON.stringify(plan)],
  );
  for (const [pi, phase] of plan.phases.entries()) {
    const phaseId = `${id}:${phase.key}`;
    await tx.run(
      `INSERT INTO phases (id, plan_id, ord, label, starts_on, ends_on, flags_json) VALUES ($1, $2, $3, $4, $5::DATE, $6::DATE, $7)`,
      [phaseId, id, pi, phase.label, phase.startsOn, phase.endsOn, JSON.stringify(phase.flags)],
    );
    for (const t of phase.themes) {
      await tx.run(
        `INSERT INTO themes (id, plan_id, phase_id, ord, numbering, title, text, class, group_label, keyphrases_json, negative_json)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [`${id}:${t.key}`, id, phaseId, t.order, t.numbering, t.title, t.text, t.class, t.group, JSON.stringify(t.keyphrases), JSON.stringify(t.negativePhrases)],
      );
    }
  }
  for (const [ai, a] of plan.anniversaries.entries()) {
    await tx.run(
      `INSERT INTO anniversaries (id, plan_id, event, date, precision, years, on_date) VALUES ($1, $2, $3, $4, $5, $6, $7::DATE)`,
      [`${id}:a${ai + 1}`, id, a.event, a.date, a.precision, a.years, a.precision === 'day' ? a.date : null],
    );
  }
  if (prev) {
    await tx.run(`INSERT INTO plan_units (plan_id, unit_id) SELECT $1, unit_id FROM plan_units WHERE plan_id = $2 ON CONFLICT DO NOTHING`, [id, prev.id]);
    await tx.run(`UPDATE plans SET parent_id = $1 WHERE parent_id = $2`, [id, prev.id]);
  }
  // Children imported before their parent link up now.
  if (plan.code) {
    const children = await tx.all<{ id: string; parsed_json: string }>(`SELECT id, parsed_json FROM plans WHERE is_current AND parent_id IS NULL AND id <> $1`, [id]);
    for (const c of children) {
      const parsed = JSON.parse(c.parsed_json) as ParsedPlan;
      if (parsed.implements.some((d) => d.code && sameCode(d.code, plan.code!))) {
        await tx.run(`UPDATE plans SET parent_id = $1 WHERE id = $2`, [id, c.id]);
      }
    }
  }
  return id;
}

/** A corrected plan keeps its lineage even when its first version was stored under another key. */
async function lineageByCode(tx: Queryable, code: string | null): Promise<string | null> {
  return code ? ((await currentPlanByCode(tx, [code]))?.lineage ?? null) : null;
}

function sameCode(a: string, b: string): boolean {
  const n = (s: string) => s.normalize('NFC').replace(/\s+/g, '').toUpperCase();
  return n(a) === n(b);
}

/** The current plan whose code is one of `codes` ("44 -KH/ĐUS" and "44-KH/ĐUS" are the same code). */
export async function currentPlanByCode(db: Queryable, codes: string[]): Promise<{ id: string; lineage: string; issued_on: string | null } | null> {
  if (codes.length === 0) return null;
  const rows = await db.all<{ id: string; lineage: string; code: string; issued_on: string | null }>(
    `SELECT id, lineage, code, strftime(issued_on, '%Y-%m-%d') AS issued_on FROM plans WHERE is_current AND code IS NOT NULL`,
  );
  return rows.find((r) => codes.some((c) => sameCode(c, r.code))) ?? null;
}

async function findParent(tx: Queryable, plan: ParsedPlan): Promise<string | null> {
  const codes = plan.implements.map((d) => d.code).filter((c): c is string => !!c);
  return (await currentPlanByCode(tx, codes))?.id ?? null;
}

export async function assignPlan(tx: Queryable, planId: string, unitIds: string[]): Promise<void> {
  for (const u of unitIds) {
    await tx.run(`INSERT INTO plan_units (plan_id, unit_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [planId, u]);
  }
}

export interface PlanListRow extends PlanRow {
  unit_ids: string;
  phase_count: number;
  theme_count: number;
}

export function listPlans(db: Queryable): Promise<PlanListRow[]> {
  return db.all<PlanListRow>(`
    SELECT p.id, p.code, p.title, p.issuer, strftime(p.issued_on, '%Y-%m-%d') AS issued_on, p.parent_id, p.lineage, p.version, p.is_default, p.parsed_json,
      coalesce((SELECT to_json(list(unit_id ORDER BY unit_id)) FROM plan_units pu WHERE pu.plan_id = p.id), '[]')::VARCHAR AS unit_ids,
      (SELECT count(*) FROM phases ph WHERE ph.plan_id = p.id) AS phase_count,
      (SELECT count(*) FROM themes t WHERE t.plan_id = p.id) AS theme_count
    FROM plans p WHERE p.is_current ORDER BY p.is_default DESC, p.issued_on NULLS LAST, p.id`);
}

export function getPlan(db: Queryable, id: string): Promise<PlanRow | null> {
  return db.one<PlanRow>(
    `SELECT id, code, title, issuer, strftime(issued_on, '%Y-%m-%d') AS issued_on, parent_id, lineage, version, is_default, parsed_json FROM plans WHERE id = $1`,
    [id],
  );
}

export async function defaultPlanId(db: Queryable): Promise<string | null> {
  const row = await db.one<{ id: string }>(`SELECT id FROM plans WHERE is_current ORDER BY is_default DESC, created_at LIMIT 1`);
  return row?.id ?? null;
}

/** A plan's themes in plan order (the packed subtree cells number them in this order). */
export const THEME_ORDER = 'ph.ord, t.ord, t.id';

const THEME_COLUMNS = `t.id, t.plan_id, t.phase_id, t.ord, t.title, t.text, t.class, t.group_label, t.keyphrases_json, t.negative_json,
  t.min_matches, t.weight, ph.label AS phase_label, ph.ord AS phase_ord,
  strftime(ph.starts_on, '%Y-%m-%d') AS starts_on, strftime(ph.ends_on, '%Y-%m-%d') AS ends_on`;

/** Themes of a plan (all phases), in plan order. */
// A plan's themes never change once stored (an edit is a new plan version), and nearly every page
// needs them: kept per database after the first read.
const themesOfPlan = new WeakMap<Queryable, Map<string, ThemeRow[]>>();

/** Drops the kept themes after a change made to the themes table directly (a minimum or class set by SQL). */
export function forgetPlanThemes(db: Queryable): void {
  themesOfPlan.delete(db);
}

export async function planThemes(db: Queryable, planId: string): Promise<ThemeRow[]> {
  const cached = themesOfPlan.get(db)?.get(planId);
  if (cached) return [...cached];
  const rows = await db.all<ThemeRow>(
    `SELECT ${THEME_COLUMNS} FROM themes t JOIN phases ph ON ph.id = t.phase_id WHERE t.plan_id = $1 ORDER BY ${THEME_ORDER}`,
    [planId],
  );
  // An unknown plan (or one whose import has not committed) is asked again next time.
  if (rows.length) themesOfPlan.set(db, (themesOfPlan.get(db) ?? new Map()).set(planId, rows));
  return [...rows];
}

/** Themes of every current plan: what the classifier looks for. */
export function currentThemes(db: Queryable): Promise<ThemeRow[]> {
  return db.all<ThemeRow>(
    `SELECT ${THEME_COLUMNS} FROM themes t JOIN phases ph ON ph.id = t.phase_id JOIN plans p ON p.id = t.plan_id
     WHERE p.is_current ORDER BY p.id, ph.ord, t.ord`,
  );
}

/** Units accountable for a plan: those assigned to it and all their descendants. */
export async function accountableUnitIds(db: Queryable, planId: string): Promise<string[]> {
  const rows = await db.all<{ id: string }>(descendantsSql('SELECT unit_id FROM plan_units WHERE plan_id = $1'), [planId]);
  return rows.map((r) => r.id);
}

export interface AnniversaryRow {
  id: string;
  plan_id: string;
  event: string;
  date: string;
  precision: string;
  years: number | null;
}

export function planAnniversaries(db: Queryable, planId: string): Promise<AnniversaryRow[]> {
  return db.all<AnniversaryRow>(`SELECT id, plan_id, event, date, precision, years FROM anniversaries WHERE plan_id = $1 ORDER BY date`, [planId]);
}

export async function unassignPlan(tx: Queryable, planId: string, unitId: string): Promise<boolean> {
  const had = await tx.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM plan_units WHERE plan_id = $1 AND unit_id = $2`, [planId, unitId]);
  await tx.run(`DELETE FROM plan_units WHERE plan_id = $1 AND unit_id = $2`, [planId, unitId]);
  return (had?.n ?? 0) > 0;
}

export async function planUnitIds(db: Queryable, planId: string): Promise<string[]> {
  return (await db.all<{ unit_id: string }>(`SELECT unit_id FROM plan_units WHERE plan_id = $1 ORDER BY unit_id`, [planId])).map((r) => r.unit_id);
}

export async function planSourceText(db: Queryable, planId: string): Promise<string | null> {
  return (await db.one<{ source_text: string }>(`SELECT source_text FROM plans WHERE id = $1`, [planId]))?.source_text ?? null;
}

export interface PlanVersionRow {
  id: string;
  version: number;
  is_current: boolean;
  code: string | null;
  title: string;
  created_at: string;
  theme_count: number;
}

/** Every version of the plan's lineage, newest first. */
export function planVersions(db: Queryable, planId: string): Promise<PlanVersionRow[]> {
  return db.all<PlanVersionRow>(
    `SELECT p.id, p.version, p.is_current, p.code, p.title, strftime(p.created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at,
       (SELECT count(*)::INTEGER FROM themes t WHERE t.plan_id = p.id) AS theme_count
     FROM plans p WHERE p.lineage = (SELECT lineage FROM plans WHERE id = $1) ORDER BY p.version DESC`,
    [planId],
  );
}

/** The current version of the plan's lineage (the id itself when it is current). */
export async function currentPlanId(db: Queryable, planId: string): Promise<string | null> {
  return (await db.one<{ id: string }>(`SELECT id FROM plans WHERE is_current AND lineage = (SELECT lineage FROM plans WHERE id = $1)`, [planId]))?.id ?? null;
}

export function childPlans(db: Queryable, planId: string): Promise<{ id: string; code: string | null; title: string; lineage: string }[]> {
  return db.all(`SELECT id, code, title, lineage FROM plans WHERE is_current AND parent_id = $1 ORDER BY issued_on NULLS LAST, id`, [planId]);
}

/**
 * Lineages of the current plans a unit answers for or sees: assigned to the unit, to one of its
 * descendants (its subtree) or to one of its ancestors. Paths as in unitWithAncestors.
 */
export async function planLineagesAroundUnit(db: Queryable, unitId: string): Promise<string[]> {
  const rows = await db.all<{ lineage: string }>(
    `WITH r AS (SELECT sort_path AS rp FROM units WHERE id = $1)
     SELECT DISTINCT p.lineage FROM plans p JOIN plan_units pu ON pu.plan_id = p.id JOIN units u ON u.id = pu.unit_id, r
     WHERE p.is_current AND (u.sort_path = r.rp OR starts_with(u.sort_path, r.rp || '/') OR starts_with(r.rp, u.sort_path || '/'))`,
    [unitId],
  );
  return rows.map((r) => r.lineage);
}
