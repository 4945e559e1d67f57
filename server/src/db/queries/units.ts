import type { Queryable } from '../connection';

export interface UnitRow {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  depth: number;
  sort_path: string;
}

export interface UnitInput {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
}

export async function upsertUnits(db: Queryable, units: UnitInput[]): Promise<void> {
  for (const u of units) {
    await db.run(
      `INSERT INTO units (id, name, kind, parent_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent_id = excluded.parent_id`,
      [u.id, u.name, u.kind, u.parentId],
    );
  }
  await recomputeHierarchy(db);
}

/** Depth and depth-first sort path of every unit, from the parent links (cycles are cut). */
export async function recomputeHierarchy(db: Queryable): Promise<void> {
  await db.run(`
    UPDATE units SET depth = h.depth, sort_path = h.path FROM (
      WITH RECURSIVE tree(id, depth, path) AS (
        SELECT id, 0, lower(name) || '|' || id FROM units
        WHERE parent_id IS NULL OR parent_id NOT IN (SELECT id FROM units)
        UNION ALL
        SELECT u.id, t.depth + 1, t.path || '/' || lower(u.name) || '|' || u.id
        FROM units u JOIN tree t ON u.parent_id = t.id
        WHERE t.depth < 20
      )
      SELECT id, min(depth) AS depth, min(path) AS path FROM tree GROUP BY id
    ) h WHERE units.id = h.id`);
  await db.run(`DELETE FROM unit_tree`);
  await db.run(`
    INSERT INTO unit_tree
    WITH RECURSIVE up(id, ancestor, d) AS (
      SELECT id, id, 0 FROM units
      UNION ALL
      SELECT up.id, u.parent_id, up.d + 1 FROM up JOIN units u ON u.id = up.ancestor WHERE u.parent_id IS NOT NULL AND up.d < 20
    )
    SELECT a.id, (SELECT count(*) FROM units c WHERE c.parent_id = a.id), count(DISTINCT up.id)
    FROM units a JOIN up ON up.ancestor = a.id GROUP BY a.id`);
}

export function listUnits(db: Queryable, unitIds?: string[]): Promise<UnitRow[]> {
  if (unitIds) {
    return db.all<UnitRow>(
      `SELECT id, name, kind, parent_id, depth, sort_path FROM units WHERE id IN (SELECT unnest(from_json($1, '["VARCHAR"]'))) ORDER BY sort_path`,
      [JSON.stringify(unitIds)],
    );
  }
  return db.all<UnitRow>(`SELECT id, name, kind, parent_id, depth, sort_path FROM units ORDER BY sort_path`);
}

export function getUnit(db: Queryable, id: string): Promise<UnitRow | null> {
  return db.one<UnitRow>(`SELECT id, name, kind, parent_id, depth, sort_path FROM units WHERE id = $1`, [id]);
}

/** Ids of the units the seed query selects and all their descendants (cycles cut at depth 20). */
export function descendantsSql(seedSql: string): string {
  return `WITH RECURSIVE t(id, d) AS (SELECT id, 0 FROM (${seedSql}) AS seed(id)
       UNION ALL SELECT u.id, t.d + 1 FROM units u JOIN t ON u.parent_id = t.id WHERE t.d < 20)
     SELECT DISTINCT id FROM t`;
}

/** The unit and all its descendants. */
export async function subtreeIds(db: Queryable, rootId: string): Promise<string[]> {
  const rows = await db.all<{ id: string }>(descendantsSql('SELECT id FROM units WHERE id = $1'), [rootId]);
  return rows.map((r) => r.id);
}
