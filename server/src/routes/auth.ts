import { createRoute, z } from '@hono/zod-openapi';
import { getCookie } from 'hono/cookie';
import { errorResponse } from '@tdtt/shared';
import type { AppEnv } from '../app-env';
import { audit, authenticate, clearSignInCookies, clientAddress, newToken, SESSION_COOKIE, setSignInCookies, signInFailureStore, signInKeys, toAuthUser, tokenId } from '../auth';
import * as q from '../db/queries';
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
    200: { description: 'Đã đăng nhập', content: { 'application/json': { schema: z.object({ user: authUserSchema }) } } },
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

const me = createRoute({
  method: 'get',
  path: '/me',
  summary: 'Người dùng đang đăng nhập',
  responses: {
    200: { description: 'Người dùng', content: { 'application/json': { schema: z.object({ user: authUserSchema }) } } },
    401: { description: 'Chưa đăng nhập', content: { 'application/json': { schema: errorResponse } } },
  },
});

export interface AuthRoutesOptions {
  db: Database;
  now: () => Date;
  /** Failed sign-ins allowed per username and per address in the window. */
  maxFailures?: number;
  windowMs?: number;
  sessionTtlMs?: number;
}

export function authRoutes(opts: AuthRoutesOptions) {
  const app = createRouter();
  const windowMs = opts.windowMs ?? 15 * 60_000;
  app.use(
    '/login',
    rateLimit({
      max: opts.maxFailures ?? 5,
      windowMs,
      now: opts.now,
      keys: signInKeys,
      store: signInFailureStore(opts.db, windowMs),
      clearOnSuccess: (key) => key.startsWith('user:'),
      onLimited: (c, keys) =>
        audit(opts.db, { userId: null, username: keys.find((k) => k.startsWith('user:'))?.slice(5) ?? null, action: 'login.limited', ip: clientAddress(c), at: opts.now() }),
    }),
  );

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
    return c.json({ user: toAuthUser(result.user) }, 200);
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

  app.openapi(me, async (c) => {
    const user = c.var.user;
    if (!user) throw new ApiError(401, 'unauthorized', 'Bạn cần đăng nhập');
    return c.json({ user }, 200);
  });
  return app;
}
