import { utc, type Queryable } from '../connection';

export interface AuditInput {
  at: Date;
  userId: string | null;
  username: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

export async function insertAudit(db: Queryable, e: AuditInput): Promise<void> {
  await db.run(
    `INSERT INTO audit_log (occurred_at, user_id, username, action, target, ip, detail_json) VALUES ($1::TIMESTAMP, $2, $3, $4, $5, $6, $7)`,
    [utc(e.at), e.userId, e.username, e.action, e.target, e.ip, JSON.stringify(e.detail)],
  );
}

export interface AuditRow {
  id: number;
  at: string;
  user_id: string | null;
  username: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  detail_json: string;
}

export interface AuditFilter {
  action?: string;
  userId?: string;
  limit: number;
  offset: number;
}

/** Newest first, with the total count for paging. */
export async function listAudit(db: Queryable, f: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
  const where = `WHERE ($1::VARCHAR IS NULL OR action = $1 OR action LIKE $1 || '.%') AND ($2::VARCHAR IS NULL OR user_id = $2)`;
  const params = [f.action ?? null, f.userId ?? null];
  const [rows, count] = await Promise.all([
    db.all<AuditRow>(`SELECT id, occurred_at AS "at", user_id, username, action, target, ip, detail_json FROM audit_log ${where} ORDER BY occurred_at DESC, id DESC LIMIT $3 OFFSET $4`, [...params, f.limit, f.offset]),
    db.one<{ n: number }>(`SELECT count(*) AS n FROM audit_log ${where}`, params),
  ]);
  return { rows, total: count?.n ?? 0 };
}
