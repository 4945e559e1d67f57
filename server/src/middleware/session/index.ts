import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { toAuthUser } from '../../auth/accounts';
import { SESSION_COOKIE } from '../../auth/cookies';
import type { AuthUser } from '../../auth/roles';
import { tokenId } from '../../auth/tokens';
import type { Queryable } from '../../db/connection';
import { liveSession, touchSession } from '../../db/queries/sessions';
import { ApiError } from '../errors';
import type { ScopeVariables } from '../scope';
import { isPublicRoute } from './public';
import { scopeFor } from './scope';

export { authorize, requireRole } from './roles';
export { isPublicRoute, PUBLIC_ROUTES } from './public';
export { passwordChangeGate } from './password-change';
export { scopeFor } from './scope';

export const SESSION_TTL_MS = 12 * 60 * 60_000;

export interface SessionInfo {
  /** sha256 of the cookie token (the sessions.id column). */
  id: string;
  csrfToken: string;
}

export interface AuthVariables {
  user: AuthUser | null;
  session: SessionInfo | null;
}

export interface SessionOptions {
  db: Queryable;
  now?: () => Date;
  /** Sliding expiry: each use pushes it this far ahead. */
  ttlMs?: number;
  /** Write the new expiry at most this often (a write per request would queue behind collection). */
  touchEveryMs?: number;
  cookieName?: string;
  isPublic?: (method: string, path: string) => boolean;
}

/**
 * Resolves the session cookie to `user` and unit `scope`. Without a live session (none, expired,
 * user disabled) only public routes pass; everything else is a 401.
 */
export function session(opts: SessionOptions): MiddlewareHandler<{ Variables: AuthVariables & ScopeVariables }> {
  const now = opts.now ?? (() => new Date());
  const ttlMs = opts.ttlMs ?? SESSION_TTL_MS;
  const touchEveryMs = opts.touchEveryMs ?? 60_000;
  const isPublic = opts.isPublic ?? isPublicRoute;
  const cookieName = opts.cookieName ?? SESSION_COOKIE;
  return async function sessionMiddleware(c, next) {
    const token = getCookie(c, cookieName);
    const at = now();
    const row = token ? await liveSession(opts.db, tokenId(token), at) : null;
    if (row) {
      if (at.getTime() - new Date(row.last_seen_at).getTime() >= touchEveryMs) {
        await touchSession(opts.db, row.session_id, at, new Date(at.getTime() + ttlMs));
      }
      const user = toAuthUser({ id: row.user_id, username: row.username, display_name: row.display_name, role: row.role, unit_id: row.unit_id, unit_name: row.unit_name });
      c.set('user', user);
      c.set('session', { id: row.session_id, csrfToken: row.csrf_token });
      c.set('scope', await scopeFor(opts.db, user));
      return next();
    }
    c.set('user', null);
    c.set('session', null);
    c.set('scope', await scopeFor(opts.db, null));
    if (isPublic(c.req.method, c.req.path)) return next();
    throw new ApiError(401, 'unauthorized', 'Bạn cần đăng nhập');
  };
}
