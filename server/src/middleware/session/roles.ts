import type { MiddlewareHandler } from 'hono';
import { ACCESS_RULES, requiredRoles, type AccessRule, type AuthUser, type Role } from '../../auth/roles';
import { ApiError } from '../errors';
import { isPublicRoute } from './public';

type UserEnv = { Variables: { user: AuthUser | null } };

const unauthorized = () => new ApiError(401, 'unauthorized', 'Bạn cần đăng nhập');
const notAllowed = () => new ApiError(403, 'forbidden', 'Vai trò của bạn không được phép thực hiện thao tác này');

/** Only these roles pass (after `session`). */
export function requireRole(...roles: Role[]): MiddlewareHandler<UserEnv> {
  return async function requireRoleMiddleware(c, next) {
    const user = c.get('user');
    if (!user) throw unauthorized();
    if (!roles.includes(user.role)) throw notAllowed();
    return next();
  };
}

/** The role rules of the whole API in one table (auth/roles ACCESS_RULES), applied to every request. */
export function authorize(opts: { rules?: AccessRule[]; isPublic?: (method: string, path: string) => boolean } = {}): MiddlewareHandler<UserEnv> {
  const rules = opts.rules ?? ACCESS_RULES;
  const isPublic = opts.isPublic ?? isPublicRoute;
  return async function authorizeMiddleware(c, next) {
    if (isPublic(c.req.method, c.req.path)) return next();
    const roles = requiredRoles(c.req.method, c.req.path, rules);
    if (!roles) return next();
    const user = c.get('user');
    if (!user) throw unauthorized();
    if (!roles.includes(user.role)) throw notAllowed();
    return next();
  };
}
