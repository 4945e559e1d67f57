import type { Context } from 'hono';
import type { Queryable } from '../db/connection';
import { insertAudit } from '../db/queries/audit';
import { clientAddress } from './client';
import type { AuthUser } from './roles';

export interface AuditEntry {
  userId: string | null;
  /** Kept beside the id so the log still reads after a user is renamed. */
  username?: string | null;
  /** Dotted verb: 'login.ok', 'login.failed', 'user.update', 'export.coverage', … */
  action: string;
  target?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
  at?: Date;
}

/** Appends one entry to the audit log. */
export async function audit(db: Queryable, e: AuditEntry): Promise<void> {
  await insertAudit(db, {
    at: e.at ?? new Date(),
    userId: e.userId,
    username: e.username ?? null,
    action: e.action,
    target: e.target ?? null,
    ip: e.ip ?? null,
    detail: e.detail ?? {},
  });
}

/** The same from inside a handler: who and from where come from the request. */
export function auditRequest(c: Context, action: string, target: string | null, detail: Record<string, unknown> = {}): Promise<void> {
  const vars = c.var as { user?: AuthUser | null; deps: { db: Queryable; now: () => Date } };
  return audit(vars.deps.db, {
    userId: vars.user?.id ?? null,
    username: vars.user?.username ?? null,
    action,
    target,
    ip: clientAddress(c),
    detail,
    at: vars.deps.now(),
  });
}
