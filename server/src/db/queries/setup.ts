import type { Queryable } from '../connection';

export interface SetupCounts {
  units: number;
  sources: number;
  plans: number;
  assignments: number;
  posts: number;
  collections: number;
  scores: number;
}

/** What a first run has done so far (the setup checklist): one row of counts. */
export async function setupCounts(db: Queryable): Promise<SetupCounts> {
  const row = await db.one<SetupCounts>(`SELECT
    (SELECT count(*) FROM units)::INTEGER AS units,
    (SELECT count(*) FROM sources)::INTEGER AS sources,
    (SELECT count(*) FROM plans)::INTEGER AS plans,
    (SELECT count(*) FROM plan_units)::INTEGER AS assignments,
    (SELECT count(*) FROM posts)::INTEGER AS posts,
    (SELECT count(*) FROM job_runs WHERE job = 'collect' AND status = 'ok')::INTEGER AS collections,
    (SELECT count(*) FROM unit_scores)::INTEGER AS scores`);
  return row!;
}
