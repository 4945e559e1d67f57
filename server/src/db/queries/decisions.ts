import { utc, type Queryable } from '../connection';

export interface DecisionRow {
  post_id: number;
  theme_id: string;
  theme_title: string;
  accepted: boolean;
  user_id: string;
  user_name: string;
  decided_at: string;
}

/** Appends a staff decision; earlier ones stay as history (the latest counts). */
export async function insertDecision(tx: Queryable, d: { postId: number; themeId: string; accepted: boolean; userId: string; at: Date }): Promise<void> {
  await tx.run(`INSERT INTO theme_decisions (post_id, theme_id, accepted, user_id, decided_at) VALUES ($1, $2, $3, $4, $5::TIMESTAMP)`, [
    d.postId,
    d.themeId,
    d.accepted,
    d.userId,
    utc(d.at),
  ]);
}

/** Every decision on a post, newest first, with who made it. */
export function postDecisions(db: Queryable, postId: number): Promise<DecisionRow[]> {
  return db.all<DecisionRow>(
    `SELECT d.post_id, d.theme_id, coalesce(t.title, d.theme_id) AS theme_title, d.accepted, d.user_id,
            coalesce(u.display_name, d.user_id) AS user_name, d.decided_at
     FROM theme_decisions d LEFT JOIN themes t ON t.id = d.theme_id LEFT JOIN users u ON u.id = d.user_id
     WHERE d.post_id = $1 ORDER BY d.decided_at DESC`,
    [postId],
  );
}

export interface AutoMatchRow {
  theme_id: string;
  theme_title: string;
  score: number;
  evidence_json: string;
  model_version: string;
}

/** The automatic matches of one model version for a post, rejected ones included (the view shows them struck out). */
export function automaticMatches(db: Queryable, modelVersion: string, postId: number): Promise<AutoMatchRow[]> {
  return db.all<AutoMatchRow>(
    `SELECT a.theme_id, t.title AS theme_title, a.score, a.evidence_json, a.model_version
     FROM post_themes a JOIN themes t ON t.id = a.theme_id
     WHERE a.model_version = $1 AND a.post_id = $2 ORDER BY a.score DESC`,
    [modelVersion, postId],
  );
}

export interface TrainingRow {
  post_id: number;
  theme_id: string;
  accepted: boolean;
  title: string;
  text: string;
  published_at: string;
}

/** The latest decision per post and theme, with the post's text: what the model learns from. */
export function trainingDecisions(db: Queryable): Promise<TrainingRow[]> {
  return db.all<TrainingRow>(
    `WITH dec AS (SELECT post_id, theme_id, arg_max(accepted, decided_at) AS accepted FROM theme_decisions GROUP BY post_id, theme_id)
     SELECT d.post_id, d.theme_id, d.accepted, p.title, p.text, p.published_at
     FROM dec d JOIN posts p ON p.id = d.post_id ORDER BY d.post_id, d.theme_id`,
  );
}

export function countDecisions(db: Queryable): Promise<{ n: number } | null> {
  return db.one<{ n: number }>(`SELECT count(*) AS n FROM theme_decisions`);
}

export interface ModelRow {
  version: string;
  generation: number;
  model_json: string;
  decisions: number;
  trained_by: string | null;
  trained_at: string;
}

export function latestModel(db: Queryable): Promise<ModelRow | null> {
  return db.one<ModelRow>(`SELECT * FROM classifier_models ORDER BY generation DESC, trained_at DESC LIMIT 1`);
}

export async function insertModel(tx: Queryable, m: { version: string; generation: number; json: string; decisions: number; trainedBy: string | null; at: Date }): Promise<void> {
  await tx.run(
    `INSERT INTO classifier_models (version, generation, model_json, decisions, trained_by, trained_at) VALUES ($1, $2, $3, $4, $5, $6::TIMESTAMP)
     ON CONFLICT (version) DO NOTHING`,
    [m.version, m.generation, m.json, m.decisions, m.trainedBy, utc(m.at)],
  );
}

export interface FlagRow {
  id: number;
  post_id: number;
  post_title: string;
  unit_id: string;
  unit_name: string;
  theme_id: string;
  theme_title: string;
  note: string;
  flagged_by: string;
  flagged_by_name: string;
  flagged_at: string;
  resolved_by: string | null;
  resolved_at: string | null;
  resolution: string | null;
}

const FLAG_SELECT = `SELECT f.id, f.post_id, p.title AS post_title, p.unit_id, un.name AS unit_name, f.theme_id,
    coalesce(t.title, f.theme_id) AS theme_title, f.note, f.flagged_by, coalesce(u.display_name, f.flagged_by) AS flagged_by_name,
    f.flagged_at, f.resolved_by, f.resolved_at, f.resolution
  FROM review_flags f JOIN posts p ON p.id = f.post_id JOIN units un ON un.id = p.unit_id
  LEFT JOIN themes t ON t.id = f.theme_id LEFT JOIN users u ON u.id = f.flagged_by`;

export async function insertFlag(tx: Queryable, f: { postId: number; themeId: string; note: string; userId: string; at: Date }): Promise<number> {
  const row = await tx.one<{ id: number }>(
    `INSERT INTO review_flags (post_id, theme_id, note, flagged_by, flagged_at) VALUES ($1, $2, $3, $4, $5::TIMESTAMP) RETURNING id`,
    [f.postId, f.themeId, f.note, f.userId, utc(f.at)],
  );
  return row!.id;
}

export function getFlag(db: Queryable, id: number): Promise<FlagRow | null> {
  return db.one<FlagRow>(`${FLAG_SELECT} WHERE f.id = $1`, [id]);
}

export function postFlags(db: Queryable, postId: number): Promise<FlagRow[]> {
  return db.all<FlagRow>(`${FLAG_SELECT} WHERE f.post_id = $1 ORDER BY f.flagged_at DESC`, [postId]);
}

export function openFlags(db: Queryable, limit = 200): Promise<FlagRow[]> {
  return db.all<FlagRow>(`${FLAG_SELECT} WHERE f.resolved_at IS NULL ORDER BY f.flagged_at LIMIT $1`, [limit]);
}

/** Closes open flags: one by id, or every open flag on a post's theme (a staff decision answers them). */
export async function resolveFlags(tx: Queryable, where: { id: number } | { postId: number; themeId: string }, by: string, resolution: string, at: Date): Promise<void> {
  if ('id' in where) {
    await tx.run(`UPDATE review_flags SET resolved_by = $1, resolution = $2, resolved_at = $3::TIMESTAMP WHERE id = $4 AND resolved_at IS NULL`, [by, resolution, utc(at), where.id]);
  } else {
    await tx.run(
      `UPDATE review_flags SET resolved_by = $1, resolution = $2, resolved_at = $3::TIMESTAMP WHERE post_id = $4 AND theme_id = $5 AND resolved_at IS NULL`,
      [by, resolution, utc(at), where.postId, where.themeId],
    );
  }
}

export interface LowConfidenceRow {
  post_id: number;
  post_title: string;
  unit_id: string;
  unit_name: string;
  published_at: string;
  theme_id: string;
  theme_title: string;
  score: number;
}

/** Automatic matches of the current model scoring below `maxScore` that no staff member has decided yet. */
export function lowConfidenceMatches(db: Queryable, modelVersion: string, maxScore: number, limit = 100): Promise<LowConfidenceRow[]> {
  return db.all<LowConfidenceRow>(
    `SELECT a.post_id, p.title AS post_title, p.unit_id, un.name AS unit_name, p.published_at, a.theme_id, t.title AS theme_title, a.score
     FROM post_themes a JOIN posts p ON p.id = a.post_id JOIN units un ON un.id = p.unit_id JOIN themes t ON t.id = a.theme_id
     WHERE a.model_version = $1 AND a.score < $2
       AND NOT EXISTS (SELECT 1 FROM theme_decisions d WHERE d.post_id = a.post_id AND d.theme_id = a.theme_id)
     ORDER BY a.score, p.published_at DESC LIMIT $3`,
    [modelVersion, maxScore, limit],
  );
}

export function themeExists(db: Queryable, id: string): Promise<{ id: string; title: string } | null> {
  return db.one(`SELECT id, title FROM themes WHERE id = $1`, [id]);
}

/** The themes of current plans, for the "add a missed theme" picker. */
/** Themes a staff member may add to a post of `unitId`: those of current plans assigned to it or an ancestor (as themeAppliesToUnit). */
export function currentThemeChoices(db: Queryable, unitId: string): Promise<{ id: string; title: string; numbering: string | null; plan_id: string; plan_code: string | null; plan_title: string }[]> {
  return db.all(
    `WITH RECURSIVE up(id, d) AS (SELECT $1::VARCHAR, 0 UNION ALL SELECT u.parent_id, up.d + 1 FROM units u JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL AND up.d < 20)
     SELECT t.id, t.title, t.numbering, p.id AS plan_id, p.code AS plan_code, p.title AS plan_title FROM themes t JOIN plans p ON p.id = t.plan_id
      WHERE p.is_current AND EXISTS (SELECT 1 FROM plan_units pu WHERE pu.plan_id = p.id AND pu.unit_id IN (SELECT id FROM up))
      ORDER BY p.id, t.ord`,
    [unitId],
  );
}

/** Whether a post's unit answers for the theme: the theme's plan is current and assigned to the unit or an ancestor. */
export async function themeAppliesToUnit(db: Queryable, themeId: string, unitId: string): Promise<boolean> {
  const row = await db.one<{ n: number }>(
    `WITH RECURSIVE up(id, d) AS (SELECT $2::VARCHAR, 0 UNION ALL SELECT u.parent_id, up.d + 1 FROM units u JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL AND up.d < 20)
     SELECT count(*) AS n FROM themes t JOIN plans p ON p.id = t.plan_id AND p.is_current
       JOIN plan_units pu ON pu.plan_id = t.plan_id WHERE t.id = $1 AND pu.unit_id IN (SELECT id FROM up)`,
    [themeId, unitId],
  );
  return (row?.n ?? 0) > 0;
}
