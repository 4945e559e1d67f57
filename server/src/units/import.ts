// Import of the office's unit sheet: read, plan (shared/units), then save everything in one transaction.
import { randomBytes, randomUUID } from 'node:crypto';
import { parseUnitSheet, planImport, type ImportPlan, type ParsedSheet, type RowProblem } from '@tdtt/shared/units';
import type { Database } from '../db/connection';
import * as q from '../db/queries';
import { hashPassword } from '../auth/password';
import { audit } from '../auth/audit';

export interface ImportOutcome {
  dryRun: boolean;
  saved: boolean;
  skipBadRows: boolean;
  unknownColumns: string[];
  /** Every row in trouble (sheet checks and plan checks), by row number. */
  problems: RowProblem[];
  created: { row: number; id: string; name: string; parentId: string | null }[];
  updated: { row: number; id: string; name: string; changes: ImportPlan['updates'][number]['changes'] }[];
  unchanged: number;
  /** Lead accounts created, with their one-time password (shown once: only the hash is stored). */
  accounts: { row: number; username: string; unitId: string; unitName: string; displayName: string; password: string | null }[];
  sheetError: string | null;
}

// No 0/O, 1/l/I: read off a printed sheet and typed by hand.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
export function oneTimePassword(length = 12): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

export async function planFromGrid(db: Database, grid: string[][]): Promise<{ parsed: ParsedSheet; plan: ImportPlan }> {
  const parsed = parseUnitSheet(grid);
  const [existing, users] = await Promise.all([q.registryUnits(db), q.listUsers(db)]);
  const plan = planImport(parsed.rows, { existing, users: users.map((u) => ({ username: u.username, unitId: u.unit_id })), present: parsed.present });
  return { parsed, plan };
}

/**
 * Dry run: what would change. Save: nothing when a row is bad unless `skipBadRows`; else the good
 * rows, their lead accounts (each must change the one-time password at first sign-in), one audit entry.
 */
export async function importUnits(
  db: Database,
  grid: string[][],
  opts: { dryRun: boolean; skipBadRows: boolean; actor: { id: string | null; username: string | null; ip?: string | null }; file: string; now: Date },
): Promise<ImportOutcome> {
  const { parsed, plan } = await planFromGrid(db, grid);
  const problems = [...parsed.problems, ...plan.problems].sort((a, b) => a.row - b.row);
  const nameOf = new Map([...plan.creates, ...plan.updates.map((u) => u.unit)].map((u) => [u.id, u.name]));
  const outcome: ImportOutcome = {
    dryRun: opts.dryRun,
    saved: false,
    skipBadRows: opts.skipBadRows,
    unknownColumns: parsed.unknownColumns,
    problems,
    created: plan.creates.map((u) => ({ row: u.row, id: u.id, name: u.name, parentId: u.parentId })),
    updated: plan.updates.map((u) => ({ row: u.unit.row, id: u.unit.id, name: u.unit.name, changes: u.changes })),
    unchanged: plan.unchanged.length,
    accounts: plan.accounts.map((a) => ({ ...a, unitName: nameOf.get(a.unitId) ?? a.unitId, password: null })),
    sheetError: parsed.sheetError,
  };
  if (opts.dryRun || parsed.sheetError || (problems.length && !opts.skipBadRows)) return outcome;

  const accounts = await Promise.all(
    plan.accounts.map(async (a) => {
      const password = oneTimePassword();
      return { ...a, id: `u-${randomUUID()}`, password, hash: await hashPassword(password) };
    }),
  );
  const units = [...plan.creates, ...plan.updates.map((u) => u.unit)];
  await db.transaction(async (tx) => {
    await q.saveRegistryUnits(tx, units.map(({ row, ...u }) => (void row, u)));
    for (const a of accounts) {
      await q.insertUser(tx, { id: a.id, username: a.username, displayName: a.displayName, passwordHash: a.hash, role: 'lead', unitId: a.unitId });
      await q.requirePasswordChange(tx, a.id);
    }
    await audit(tx, {
      userId: opts.actor.id, username: opts.actor.username, ip: opts.actor.ip ?? null, at: opts.now,
      action: 'unit.import', target: null,
      detail: {
        file: opts.file, skippedRows: problems.map((p) => p.row),
        created: outcome.created.map((u) => u.id),
        updated: outcome.updated.map((u) => ({ id: u.id, changes: u.changes })),
        accounts: accounts.map((a) => a.username),
      },
    });
  });
  outcome.saved = true;
  outcome.accounts = accounts.map((a) => ({ row: a.row, username: a.username, unitId: a.unitId, unitName: nameOf.get(a.unitId) ?? a.unitId, displayName: a.displayName, password: a.password }));
  return outcome;
}
