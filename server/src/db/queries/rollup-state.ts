import type { Queryable } from '../connection';

/** The settings row holding the earliest day whose roll-up is stale. */
const STALE_FROM_KEY = 'rollup_from';

/**
 * Marks the roll-ups stale from `day` on, keeping the earliest day already marked. One statement, so
 * it runs inside the caller's transaction (the posts' insert): concurrent writers cannot replace an
 * earlier day with a later one.
 */
export async function markRollupStaleFrom(db: Queryable, day: string): Promise<void> {
  await db.run(
    `INSERT INTO settings (key, value) VALUES ($1, $2)
     ON CONFLICT (key) DO UPDATE SET value = least(settings.value, excluded.value)`,
    [STALE_FROM_KEY, day],
  );
}

/** Takes the earliest stale day and clears it in one statement (a mark arriving meanwhile is not lost). */
export async function takeRollupStaleFrom(tx: Queryable): Promise<string | null> {
  return (await tx.one<{ value: string }>(`DELETE FROM settings WHERE key = $1 RETURNING value`, [STALE_FROM_KEY]))?.value ?? null;
}

/** Whether any unit score was ever rolled up. */
export async function hasUnitScores(db: Queryable): Promise<boolean> {
  const row = await db.one<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM unit_scores LIMIT 1)`);
  return !!row && row.n > 0;
}
