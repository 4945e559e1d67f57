import { vietnamDay } from '@tdtt/shared/score';
import { utc, type Queryable } from '../connection';

export interface NewSubmission {
  unitId: string;
  url: string;
  canonicalUrl: string;
  title: string;
  text: string;
  html: string | null;
  publishedAt: string;
  submittedBy: string;
  at: Date;
  fetched: boolean;
  fetchError: string | null;
  contentHash: string;
  simhash: string;
}

/** A submitted link becomes a post (origin 'submitted', pending review) plus its submission record. Returns the post id. */
export async function insertSubmission(tx: Queryable, s: NewSubmission): Promise<number> {
  const when = new Date(s.publishedAt);
  const row = await tx.one<{ id: number }>(
    `INSERT INTO posts (unit_id, source_id, origin, url, canonical_url, guid, title, text, html, published_at, published_day, first_seen_at,
                        flags_json, content_hash, simhash, submitted_by, review_state)
     VALUES ($1, NULL, 'submitted', $2, $3, NULL, $4, $5, $6, $7::TIMESTAMP, $8::DATE, $9::TIMESTAMP, '[]', $10, $11, $12, 'pending') RETURNING id`,
    [s.unitId, s.url, s.canonicalUrl, s.title, s.text, s.html, utc(when), vietnamDay(when), utc(s.at), s.contentHash, s.simhash, s.submittedBy],
  );
  const id = row!.id;
  await tx.run(`INSERT INTO submissions (post_id, submitted_at, fetched, fetch_error) VALUES ($1, $2::TIMESTAMP, $3, $4)`, [id, utc(s.at), s.fetched, s.fetchError]);
  return id;
}

export function postIdByCanonicalUrl(db: Queryable, canonicalUrl: string): Promise<{ id: number; unit_id: string } | null> {
  return db.one(`SELECT id, unit_id FROM posts WHERE canonical_url = $1`, [canonicalUrl]);
}

export interface SubmissionRow {
  id: number;
  unit_id: string;
  unit_name: string;
  url: string;
  title: string;
  published_at: string;
  published_day: string;
  review_state: string;
  submitted_by: string;
  submitted_by_name: string;
  submitted_at: string;
  fetched: boolean;
  fetch_error: string | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  review_note: string | null;
  theme_count: number;
}

const SUBMISSION_SELECT = `SELECT p.id, p.unit_id, un.name AS unit_name, p.url, p.title, p.published_at, p.published_day::VARCHAR AS published_day,
    p.review_state, p.submitted_by, coalesce(u.display_name, p.submitted_by) AS submitted_by_name, s.submitted_at, s.fetched, s.fetch_error,
    r.display_name AS reviewed_by_name, s.reviewed_at, s.review_note,
    (SELECT count(*) FROM post_themes a WHERE a.post_id = p.id AND a.model_version = $1) AS theme_count
  FROM posts p JOIN submissions s ON s.post_id = p.id JOIN units un ON un.id = p.unit_id
  LEFT JOIN users u ON u.id = p.submitted_by LEFT JOIN users r ON r.id = s.reviewed_by
  WHERE p.origin = 'submitted'`;

/** Submissions, newest first: of one submitter, in one review state, or all. Theme counts under the given model version. */
export function listSubmissions(db: Queryable, modelVersion: string, filter: { submittedBy?: string; state?: string } = {}, limit = 200): Promise<SubmissionRow[]> {
  return db.all<SubmissionRow>(
    `${SUBMISSION_SELECT} AND ($2::VARCHAR IS NULL OR p.submitted_by = $2) AND ($3::VARCHAR IS NULL OR p.review_state = $3)
     ORDER BY s.submitted_at DESC, p.id DESC LIMIT $4`,
    [modelVersion, filter.submittedBy ?? null, filter.state ?? null, limit],
  );
}

export function getSubmission(db: Queryable, modelVersion: string, id: number): Promise<SubmissionRow | null> {
  return db.one<SubmissionRow>(`${SUBMISSION_SELECT} AND p.id = $2`, [modelVersion, id]);
}

export async function reviewSubmission(tx: Queryable, id: number, state: 'accepted' | 'rejected', by: string, note: string | null, at: Date): Promise<void> {
  await tx.run(`UPDATE posts SET review_state = $1 WHERE id = $2 AND origin = 'submitted'`, [state, id]);
  await tx.run(`UPDATE submissions SET reviewed_by = $1, reviewed_at = $2::TIMESTAMP, review_note = $3 WHERE post_id = $4`, [by, utc(at), note, id]);
}
