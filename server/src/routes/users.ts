import { createRoute, z } from '@hono/zod-openapi';
import { errorResponse, idParam } from '@tdtt/shared';
import { AccountError, auditRequest, createAccount, passwordSchema, resetPassword, roleSchema, toAuthUser, updateAccount, usernameSchema } from '../auth';
import * as q from '../db/queries';
import { ApiError } from '../middleware/errors';
import { requireRole } from '../middleware/session';
import { authUserSchema } from './auth';
import { createRouter } from './router';

const userSchema = authUserSchema.extend({ disabled: z.boolean(), createdAt: z.string() });
const errors = {
  400: { description: 'Dữ liệu không hợp lệ', content: { 'application/json': { schema: errorResponse } } },
  403: { description: 'Chỉ quản trị viên', content: { 'application/json': { schema: errorResponse } } },
  404: { description: 'Không có người dùng', content: { 'application/json': { schema: errorResponse } } },
  409: { description: 'Tên đăng nhập đã có', content: { 'application/json': { schema: errorResponse } } },
};
const json = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

const listUsers = createRoute({
  method: 'get',
  path: '/',
  summary: 'Người dùng (quản trị viên)',
  responses: { 200: { description: 'Người dùng', content: { 'application/json': { schema: z.object({ users: z.array(userSchema) }) } } }, 403: errors[403] },
});

const createUser = createRoute({
  method: 'post',
  path: '/',
  summary: 'Tạo người dùng với vai trò và đơn vị',
  request: {
    body: json(
      z.object({ username: usernameSchema, displayName: z.string().max(200).default(''), password: passwordSchema, role: roleSchema, unitId: idParam.nullable().default(null) }),
    ),
  },
  responses: { 201: { description: 'Đã tạo', content: { 'application/json': { schema: z.object({ user: userSchema }) } } }, ...errors },
});

const patchUser = createRoute({
  method: 'patch',
  path: '/{id}',
  summary: 'Sửa vai trò, đơn vị, tên hiển thị; khóa hoặc mở khóa',
  request: {
    params: z.object({ id: idParam }),
    body: json(z.object({ displayName: z.string().min(1).max(200).optional(), role: roleSchema.optional(), unitId: idParam.nullable().optional(), disabled: z.boolean().optional() }).strict()),
  },
  responses: { 200: { description: 'Đã sửa', content: { 'application/json': { schema: z.object({ user: userSchema }) } } }, ...errors },
});

const setPassword = createRoute({
  method: 'post',
  path: '/{id}/password',
  summary: 'Đặt lại mật khẩu (kết thúc các phiên của người đó)',
  request: { params: z.object({ id: idParam }), body: json(z.object({ password: passwordSchema })) },
  responses: { 204: { description: 'Đã đặt lại' }, ...errors },
});

function toUser(u: q.UserRow) {
  return { ...toAuthUser(u), disabled: u.disabled, createdAt: u.created_at };
}

function accountError(err: unknown): never {
  if (err instanceof AccountError) {
    if (err.kind === 'not-found') throw new ApiError(404, 'not_found', err.message);
    if (err.kind === 'username-taken') throw new ApiError(409, 'conflict', err.message);
    throw new ApiError(400, 'bad_request', err.message);
  }
  throw err;
}

export function userRoutes() {
  const app = createRouter();
  app.use('*', requireRole('admin'));

  app.openapi(listUsers, async (c) => c.json({ users: (await q.listUsers(c.var.deps.db)).map(toUser) }, 200));

  app.openapi(createUser, async (c) => {
    const db = c.var.deps.db;
    const body = c.req.valid('json');
    const user = await createAccount(db, body).catch(accountError);
    await auditRequest(c, 'user.create', user.id, { username: user.username, role: user.role, unitId: user.unitId });
    return c.json({ user: toUser((await q.getUser(db, user.id))!) }, 201);
  });

  app.openapi(patchUser, async (c) => {
    const db = c.var.deps.db;
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const { before, after } = await updateAccount(db, id, patch, c.var.user?.id ?? null).catch(accountError);
    const changes = Object.fromEntries(
      (['display_name', 'role', 'unit_id', 'disabled'] as const).filter((k) => before[k] !== after[k]).map((k) => [k, { from: before[k], to: after[k] }]),
    );
    await auditRequest(c, patch.disabled === true && !before.disabled ? 'user.disable' : 'user.update', id, { username: after.username, changes });
    return c.json({ user: toUser(after) }, 200);
  });

  app.openapi(setPassword, async (c) => {
    const { id } = c.req.valid('param');
    const user = await resetPassword(c.var.deps.db, id, c.req.valid('json').password).catch(accountError);
    await auditRequest(c, 'user.password_reset', id, { username: user.username });
    return c.body(null, 204);
  });
  return app;
}
