import { utc, type Queryable } from '../connection';
import type { Role } from './users';

export interface SessionUserRow {
  session_id: string;
  csrf_token: string;
  last_seen_at: string;
  user_id: string;
  username: string;
  display_name: string;
  role: Role;
  unit_id: string | null;
  unit_name: string | null;
}

export async function insertSession(
  db: Queryable,
  s: { id: string; userId: string; csrfToken: string; now: Date; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db.run(
    `INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, $4::TIMESTAMP, $4::TIMESTAMP, $5::TIMESTAMP, $6, $7)`,
    [s.id, s.userId, s.csrfToken, utc(s.now), utc(s.expiresAt), s.ip, s.userAgent],
  );
}

/** A live session of an enabled user (expired sessions and disabled users find nothing). */
export function liveSession(db: Queryable, id: string, now: Date): Promise<SessionUserRow | null> {
  return db.one<SessionUserRow>(
    `SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, u.id AS user_id, u.username, u.display_name, u.role, u.unit_id, n.name AS unit_name
     FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN units n ON n.id = u.unit_id
     WHERE s.id = $1 AND s.expires_at > $2::TIMESTAMP AND NOT u.disabled`,
    [id, utc(now)],
  );
}

export async function touchSession(db: Queryable, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db.run(`UPDATE sessions SET last_seen_at = $2::TIMESTAMP, expires_at = $3::TIMESTAMP WHERE id = $1`, [id, utc(now), utc(expiresAt)]);
}

export async function deleteSession(db: Queryable, id: string): Promise<void> {
  await db.run(`DELETE FROM sessions WHERE id = $1`, [id]);
}

/** Ends a user's sessions; `exceptId` (the session making the change) stays. */
export async function deleteUserSessions(db: Queryable, userId: string, exceptId?: string): Promise<void> {
  if (exceptId) await db.run(`DELETE FROM sessions WHERE user_id = $1 AND id <> $2`, [userId, exceptId]);
  else await db.run(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
}

export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<void> {
  await db.run(`DELETE FROM sessions WHERE expires_at <= $1::TIMESTAMP`, [utc(now)]);
}

/** Failed sign-ins per key since an instant, oldest first. */
export function signInFailures(db: Queryable, keys: string[], since: Date): Promise<{ key: string; at: string }[]> {
  return db.all<{ key: string; at: string }>(
    `SELECT key, failed_at AS "at" FROM sign_in_failures
     WHERE key IN (SELECT unnest(from_json($1, '["VARCHAR"]'))) AND failed_at > $2::TIMESTAMP ORDER BY failed_at`,
    [JSON.stringify(keys), utc(since)],
  );
}

export async function recordSignInFailures(db: Queryable, keys: string[], at: Date): Promise<void> {
  for (const key of keys) await db.run(`INSERT INTO sign_in_failures (key, failed_at) VALUES ($1, $2::TIMESTAMP)`, [key, utc(at)]);
}

export async function clearSignInFailures(db: Queryable, keys: string[], before: Date): Promise<void> {
  await db.run(`DELETE FROM sign_in_failures WHERE key IN (SELECT unnest(from_json($1, '["VARCHAR"]'))) OR failed_at < $2::TIMESTAMP`, [JSON.stringify(keys), utc(before)]);
}
