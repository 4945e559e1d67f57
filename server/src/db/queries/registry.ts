// The unit registry (migration 009): units with their code, kind, websites, lead, retirement and merges.
import type { RegistryUnit } from '@tdtt/shared/units';
import { utc, type Queryable } from '../connection';
import { recomputeHierarchy } from './units';

export interface RegistryRow extends RegistryUnit {
  retiredFrom: string | null;
  successorId: string | null;
  /** Units merged into this one, with the day they stopped. */
  predecessors: { id: string; name: string; from: string }[];
  depth: number;
}

interface RawRow {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  depth: number;
  code: string | null;
  lead_username: string | null;
  lead_name: string | null;
  lead_email: string | null;
  retired_from: string | null;
  successor_id: string | null;
  websites: string[] | null;
  predecessors: { id: string; name: string; from: string }[] | null;
}

/** Every unit (retired ones too when asked), in tree order. */
export async function registryUnits(db: Queryable, opts: { includeRetired?: boolean } = {}): Promise<RegistryRow[]> {
  const rows = await db.all<RawRow>(
    `SELECT u.id, u.name, u.kind, u.parent_id, u.depth, r.code, r.lead_username, r.lead_name, r.lead_email,
       strftime(r.retired_from, '%Y-%m-%d') AS retired_from, s.successor_id,
       (SELECT list(w.url ORDER BY w.url) FROM unit_websites w WHERE w.unit_id = u.id) AS websites,
       (SELECT list({'id': p.predecessor_id, 'name': pu.name, 'from': strftime(p.effective_from, '%Y-%m-%d')} ORDER BY pu.name)
          FROM unit_successions p JOIN units pu ON pu.id = p.predecessor_id WHERE p.successor_id = u.id) AS predecessors
     FROM units u LEFT JOIN unit_registry r ON r.unit_id = u.id LEFT JOIN unit_successions s ON s.predecessor_id = u.id
     WHERE $1 OR r.retired_from IS NULL
     ORDER BY u.sort_path`,
    [opts.includeRetired === true],
  );
  return rows.map((r) => ({
    id: r.id, name: r.name, kind: r.kind, parentId: r.parent_id, depth: r.depth, code: r.code,
    websites: r.websites ?? [], leadUsername: r.lead_username, leadName: r.lead_name, leadEmail: r.lead_email,
    retiredFrom: r.retired_from, successorId: r.successor_id, predecessors: r.predecessors ?? [],
  }));
}

const UNIT_JSON = `[{"id":"VARCHAR","name":"VARCHAR","kind":"VARCHAR","parent_id":"VARCHAR","code":"VARCHAR","lead_username":"VARCHAR","lead_name":"VARCHAR","lead_email":"VARCHAR"}]`;
const SITE_JSON = `[{"unit_id":"VARCHAR","url":"VARCHAR"}]`;

/**
 * Writes units as given (new or changed), in a few statements whatever their number: a 50,000-row
 * sheet is one JSON parameter, not 150,000 round trips. Websites are replaced by the given lists,
 * keeping the discovery state of a site listed before. Call inside a transaction.
 */
export async function saveRegistryUnits(db: Queryable, units: readonly RegistryUnit[]): Promise<void> {
  if (!units.length) return;
  const json = JSON.stringify(units.map((u) => ({
    id: u.id, name: u.name, kind: u.kind, parent_id: u.parentId, code: u.code,
    lead_username: u.leadUsername, lead_name: u.leadName, lead_email: u.leadEmail,
  })));
  const rows = `(SELECT unnest(from_json($1, '${UNIT_JSON}'), recursive := true))`;
  await db.run(
    `INSERT INTO units (id, name, kind, parent_id) SELECT id, name, kind, parent_id FROM ${rows}
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent_id = excluded.parent_id`,
    [json],
  );
  await db.run(
    `INSERT INTO unit_registry (unit_id, code, lead_username, lead_name, lead_email) SELECT id, code, lead_username, lead_name, lead_email FROM ${rows}
     ON CONFLICT (unit_id) DO UPDATE SET code = excluded.code, lead_username = excluded.lead_username,
       lead_name = excluded.lead_name, lead_email = excluded.lead_email, updated_at = now()`,
    [json],
  );
  const sites = JSON.stringify(units.flatMap((u) => u.websites.map((url) => ({ unit_id: u.id, url }))));
  const ids = JSON.stringify(units.map((u) => u.id));
  await db.run(
    `DELETE FROM unit_websites WHERE unit_id IN (SELECT unnest(from_json($1, '["VARCHAR"]')))
       AND (unit_id, url) NOT IN (SELECT (unit_id, url) FROM (SELECT unnest(from_json($2, '${SITE_JSON}'), recursive := true)))`,
    [ids, sites],
  );
  await db.run(
    `INSERT INTO unit_websites (unit_id, url) SELECT unit_id, url FROM (SELECT unnest(from_json($1, '${SITE_JSON}'), recursive := true))
     ON CONFLICT DO NOTHING`,
    [sites],
  );
  await recomputeHierarchy(db);
}

/** Retire a unit from a day (null: bring it back). */
export async function setUnitRetired(db: Queryable, unitId: string, from: string | null): Promise<void> {
  await db.run(
    `INSERT INTO unit_registry (unit_id, retired_from) VALUES ($1, $2::DATE)
     ON CONFLICT (unit_id) DO UPDATE SET retired_from = excluded.retired_from, updated_at = now()`,
    [unitId, from],
  );
}

/** Merge: each predecessor retires on `from` and names the successor. */
export async function recordMerge(db: Queryable, predecessorIds: readonly string[], successorId: string, from: string): Promise<void> {
  for (const id of predecessorIds) {
    await setUnitRetired(db, id, from);
    await db.run(
      `INSERT INTO unit_successions (predecessor_id, successor_id, effective_from) VALUES ($1, $2, $3::DATE)
       ON CONFLICT (predecessor_id) DO UPDATE SET successor_id = excluded.successor_id, effective_from = excluded.effective_from`,
      [id, successorId, from],
    );
  }
}

/** Ids of units retired on or before `day` (YYYY-MM-DD): they have no figures from that day on. */
export async function retiredUnits(db: Queryable): Promise<{ unit_id: string; retired_from: string }[]> {
  return db.all(`SELECT unit_id, strftime(retired_from, '%Y-%m-%d') AS retired_from FROM unit_registry WHERE retired_from IS NOT NULL`);
}

export interface WebsiteRow {
  unit_id: string;
  unit_name: string;
  url: string;
  state: 'pending' | 'found' | 'nothing' | 'failed';
  message: string | null;
  source_count: number;
  checked_at: string | null;
}

export function listWebsites(db: Queryable, state?: WebsiteRow['state']): Promise<WebsiteRow[]> {
  return db.all<WebsiteRow>(
    `SELECT w.unit_id, u.name AS unit_name, w.url, w.state, w.message, w.source_count, w.checked_at
     FROM unit_websites w JOIN units u ON u.id = w.unit_id WHERE $1::VARCHAR IS NULL OR w.state = $1 ORDER BY u.sort_path, w.url`,
    [state ?? null],
  );
}

export async function setWebsiteResult(db: Queryable, unitId: string, url: string, r: { state: WebsiteRow['state']; message: string | null; sourceCount: number; at: Date }): Promise<void> {
  await db.run(
    `UPDATE unit_websites SET state = $3, message = $4, source_count = $5, checked_at = $6::TIMESTAMP WHERE unit_id = $1 AND url = $2`,
    [unitId, url, r.state, r.message, r.sourceCount, utc(r.at)],
  );
}

export async function requirePasswordChange(db: Queryable, userId: string): Promise<void> {
  await db.run(`INSERT INTO password_change_required (user_id) VALUES ($1) ON CONFLICT DO NOTHING`, [userId]);
}

export async function clearPasswordChange(db: Queryable, userId: string): Promise<void> {
  await db.run(`DELETE FROM password_change_required WHERE user_id = $1`, [userId]);
}

export async function mustChangePassword(db: Queryable, userId: string): Promise<boolean> {
  return (await db.one(`SELECT 1 AS x FROM password_change_required WHERE user_id = $1`, [userId])) !== null;
}
