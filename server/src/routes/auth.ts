import { createRoute, z } from '@hono/zod-openapi';
import { getCookie } from 'hono/cookie';
import { errorResponse } from '@tdtt/shared';
import { AccountError, audit, authenticate, changeOwnPassword, clearSignInCookies, clientAddress, newToken, SESSION_COOKIE, setSignInCookies, passwordChangeKeys, SIGN_IN_LIMITS, signInFailureStore, signInKeys, signInLimitFor, toAuthUser, usernameOfKey, tokenId } from '../auth';
import * as q from '../db/queries';
import { mustChangePassword } from '../db/queries/registry';
import type { Database } from '../db/connection';
import { ApiError } from '../middleware/errors';
import { rateLimit } from '../middleware/rate-limit';
import { SESSION_TTL_MS } from '../middleware/session';
import { createRouter } from './router';

export const authUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['admin', 'staff', 'lead']),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
});

const login = createRoute({
  method: 'post',
  path: '/login',
  summary: 'Đăng nhập: đặt cookie phiên (HttpOnly) và cookie CSRF',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) }) } },
    },
  },
  responses: {
    200: { description: 'Đã đăng nhập', content: { 'application/json': { schema: z.object({ user: authUserSchema, mustChangePassword: z.boolean() }) } } },
    401: { description: 'Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản bị khóa', content: { 'application/json': { schema: errorResponse } } },
    429: { description: 'Quá nhiều lần đăng nhập sai (xem Retry-After)', content: { 'application/json': { schema: errorResponse } } },
  },
});

const logout = createRoute({
  method: 'post',
  path: '/logout',
  summary: 'Đăng xuất: xóa phiên',
  responses: { 204: { description: 'Đã đăng xuất' } },
});

const changePassword = createRoute({
  method: 'post',
  path: '/password',
  summary: 'Đổi mật khẩu của chính mình; mọi phiên khác của người dùng kết thúc',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ currentPassword: z.string().min(1).max(1000), newPassword: z.string().min(1).max(1000) }) } },
    },
  },
  responses: {
    204: { description: 'Đã đổi; phiên hiện tại vẫn đăng nhập, các phiên khác đã kết thúc' },
    400: { description: 'Mật khẩu mới không đạt yêu cầu (ít nhất 12 ký tự, không phổ biến, khác mật khẩu cũ)', content: { 'application/json': { schema: errorResponse } } },
    401: { description: 'Chưa đăng nhập', content: { 'application/json': { schema: errorResponse } } },
    403: { description: 'Mật khẩu hiện tại không đúng', content: { 'application/json': { schema: errorResponse } } },
    429: { description: 'Quá nhiều lần nhập sai (xem Retry-After)', content: { 'application/json': { schema: errorResponse } } },
  },
});

const me = createRoute({
  method: 'get',
  path: '/me',
  summary: 'Người dùng đang đăng nhập',
  responses: {
    200: { description: 'Người dùng', content: { 'application/json': { schema: z.object({ user: authUserSchema, mustChangePassword: z.boolean() }) } } },
    401: { description: 'Chưa đăng nhập', content: { 'application/json': { schema: errorResponse } } },
  },
});

export interface AuthRoutesOptions {
  db: Database;
  now: () => Date;
  /** Failed sign-ins allowed per (username, address) pair and per address in the window. */
  limits?: { pair: number; address: number };
  windowMs?: number;
  sessionTtlMs?: number;
}

export function authRoutes(opts: AuthRoutesOptions) {
  const app = createRouter();
  const windowMs = opts.windowMs ?? SIGN_IN_LIMITS.windowMs;
  // One limiter for both doors to a password check, so they share the count and the lock.
  const limiter = rateLimit({
      max: signInLimitFor(opts.limits ?? SIGN_IN_LIMITS),
      windowMs,
      now: opts.now,
      keys: (c) => (c.req.path.endsWith('/password') ? passwordChangeKeys(c) : signInKeys(c)),
      isFailure: (c) => c.res.status === 401 || c.res.status === 403,
      store: signInFailureStore(opts.db, windowMs),
      clearOnSuccess: (key) => key.startsWith('pair:'),
      onLimited: (c, keys) =>
        audit(opts.db, { userId: null, username: keys.map(usernameOfKey).find((u) => u !== null) ?? null, action: 'login.limited', ip: clientAddress(c), at: opts.now() }),
    });
  app.use('/login', limiter);
  app.use('/password', limiter);

  app.openapi(login, async (c) => {
    const { db, now } = c.var.deps;
    const { username, password } = c.req.valid('json');
    const ip = clientAddress(c);
    const result = await authenticate(db, username, password);
    if (!result.ok) {
      await audit(db, { userId: result.user?.id ?? null, username: username.trim().toLowerCase().slice(0, 200), action: 'login.failed', target: null, ip, detail: { reason: result.reason }, at: now() });
      if (result.reason === 'disabled') throw new ApiError(401, 'account_disabled', 'Tài khoản đã bị khóa. Liên hệ quản trị viên');
      throw new ApiError(401, 'invalid_credentials', 'Sai tên đăng nhập hoặc mật khẩu');
    }
    const at = now();
    const old = getCookie(c, SESSION_COOKIE);
    if (old) await q.deleteSession(db, tokenId(old));
    await q.deleteExpiredSessions(db, at);
    const token = newToken();
    const csrfToken = newToken();
    await q.insertSession(db, {
      id: tokenId(token),
      userId: result.user.id,
      csrfToken,
      now: at,
      expiresAt: new Date(at.getTime() + (opts.sessionTtlMs ?? SESSION_TTL_MS)),
      ip,
      userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
    });
    setSignInCookies(c, { session: token, csrf: csrfToken });
    await audit(db, { userId: result.user.id, username: result.user.username, action: 'login.ok', target: null, ip, at });
    return c.json({ user: toAuthUser(result.user), mustChangePassword: await mustChangePassword(db, result.user.id) }, 200);
  });

  app.openapi(logout, async (c) => {
    const { db, now } = c.var.deps;
    const s = c.var.session;
    if (s) await q.deleteSession(db, s.id);
    clearSignInCookies(c);
    const user = c.var.user;
    await audit(db, { userId: user?.id ?? null, username: user?.username ?? null, action: 'logout', ip: clientAddress(c), at: now() });
    return c.body(null, 204);
  });

  app.openapi(changePassword, async (c) => {
    const { db, now } = c.var.deps;
    const user = c.var.user;
    const s = c.var.session;
    if (!user || !s) throw new ApiError(401, 'unauthorized', 'Bạn cần đăng nhập');
    const { currentPassword, newPassword } = c.req.valid('json');
    try {
      await changeOwnPassword(db, user.id, s.id, currentPassword, newPassword);
    } catch (err) {
      if (err instanceof AccountError && err.kind === 'wrong-password') {
        await audit(db, { userId: user.id, username: user.username, action: 'password.change_failed', ip: clientAddress(c), at: now() });
        throw new ApiError(403, 'wrong_password', `currentPassword: ${err.message}`);
      }
      if (err instanceof AccountError && err.kind === 'weak-password') throw new ApiError(400, 'bad_request', `newPassword: ${err.message}`);
      throw err;
    }
    await audit(db, { userId: user.id, username: user.username, action: 'password.change', target: user.id, ip: clientAddress(c), at: now() });
    return c.body(null, 204);
  });

  app.openapi(me, async (c) => {
    const user = c.var.user;
    if (!user) throw new ApiError(401, 'unauthorized', 'Bạn cần đăng nhập');
    return c.json({ user, mustChangePassword: await mustChangePassword(opts.db, user.id) }, 200);
  });
  return app;
}
