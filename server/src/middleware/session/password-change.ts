import type { MiddlewareHandler } from 'hono';
import type { Queryable } from '../../db/connection';
import { mustChangePassword } from '../../db/queries/registry';
import type { AuthUser } from '../../auth/roles';
import { ApiError } from '../errors';

/**
 * An account holding a one-time password (a lead created by the unit import) may only reach
 * /api/auth/* (who am I, change the password, sign out) until the holder sets their own: the
 * printed password stops opening anything else.
 */
export function passwordChangeGate(db: Queryable): MiddlewareHandler<{ Variables: { user: AuthUser | null } }> {
  return async function passwordChangeMiddleware(c, next) {
    const user = c.get('user');
    if (user && !c.req.path.startsWith('/api/auth/') && (await mustChangePassword(db, user.id))) {
      throw new ApiError(403, 'password_change_required', 'Hãy đổi mật khẩu dùng một lần trước khi tiếp tục');
    }
    return next();
  };
}
