import type { ThemeMatch } from '@tdtt/shared';
import { insertMany, type Queryable } from '../connection';

/** Stores one model version's results for a batch of posts (replacing that version's earlier rows for them). */
export async function saveMatches(tx: Queryable, modelVersion: string, results: { postId: number; matches: ThemeMatch[] }[]): Promise<void> {
  if (results.length === 0) return;
  const ids = JSON.stringify(results.map((r) => r.postId));
  await tx.run(`DELETE FROM post_themes WHERE model_version = $1 AND post_id IN (SELECT unnest(from_json($2, '["BIGINT"]')))`, [modelVersion, ids]);
  await tx.run(`DELETE FROM post_classified WHERE model_version = $1 AND post_id IN (SELECT unnest(from_json($2, '["BIGINT"]')))`, [modelVersion, ids]);
  const rows = results.flatMap((r) => r.matches.map((m) => [r.postId, m.themeId, modelVersion, m.score, JSON.stringify(m.evidence)]));
  await insertMany(tx, 'post_themes', ['post_id', 'theme_id', 'model_version', 'score', 'evidence_json'], rows);
  await insertMany(tx, 'post_classified', ['post_id', 'model_version'], results.map((r) => [r.postId, modelVersion]));
}

export interface PostMatchRow {
  post_id: number;
  theme_id: string;
  score: number;
  evidence_json: string;
  decision: boolean | null;
}

/** Effective matches of posts under a model version: automatic ones not rejected by staff, plus staff additions. */
export function effectiveMatchesSql(modelVersionParam: string): string {
  return `(
    WITH dec AS (SELECT post_id, theme_id, arg_max(accepted, decided_at) AS accepted FROM theme_decisions GROUP BY post_id, theme_id)
    SELECT a.post_id, a.theme_id, a.score, a.evidence_json FROM post_themes a
      LEFT JOIN dec d ON d.post_id = a.post_id AND d.theme_id = a.theme_id
      WHERE a.model_version = ${modelVersionParam} AND coalesce(d.accepted, true)
    UNION ALL
    SELECT d.post_id, d.theme_id, 1.0 AS score, '[]' AS evidence_json FROM dec d
      WHERE d.accepted AND NOT EXISTS (SELECT 1 FROM post_themes a WHERE a.post_id = d.post_id AND a.theme_id = d.theme_id AND a.model_version = ${modelVersionParam})
  )`;
}

/**
 * The same rule for a few posts, applied in JavaScript to their rows: post_themes and decisions are
 * each read by an index lookup per id (a list parameter), where the rule's CTEs in SQL made DuckDB scan
 * a month of matches (the unit page: 18 → 10 ms at 5 M posts). Post id → effective theme ids.
 */
export async function effectiveThemesOfPosts(db: Queryable, modelVersion: string, postIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (postIds.length === 0) return out;
  const ids = `[${postIds.map((id) => Math.trunc(id)).join(',')}]`;
  const [auto, decisions] = await Promise.all([
    db.all<{ post_id: number; theme_id: string }>(`SELECT post_id, theme_id FROM post_themes WHERE post_id IN (SELECT unnest($1::BIGINT[])) AND model_version = $2`, [ids, modelVersion]),
    db.all<{ post_id: number; theme_id: string; accepted: boolean }>(
      `SELECT post_id, theme_id, arg_max(accepted, decided_at) AS accepted FROM theme_decisions WHERE post_id IN (SELECT unnest($1::BIGINT[])) GROUP BY ALL`,
      [ids],
    ),
  ]);
  const decided = new Map(decisions.map((d) => [`${d.post_id} ${d.theme_id}`, d.accepted]));
  const add = (postId: number, themeId: string) => {
    const list = out.get(postId);
    if (!list) out.set(postId, [themeId]);
    else if (!list.includes(themeId)) list.push(themeId);
  };
  // Automatic matches not rejected by the latest decision, then the staff's accepted additions.
  for (const a of auto) if (decided.get(`${a.post_id} ${a.theme_id}`) !== false) add(a.post_id, a.theme_id);
  for (const d of decisions) if (d.accepted) add(d.post_id, d.theme_id);
  return out;
}
