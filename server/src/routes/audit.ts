import { createRoute, z } from '@hono/zod-openapi';
import { errorResponse, idParam } from '@tdtt/shared';
import * as q from '../db/queries';
import { requireRole } from '../middleware/session';
import { createRouter } from './router';

const entrySchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

const listAudit = createRoute({
  method: 'get',
  path: '/',
  summary: 'Nhật ký: ai, khi nào, làm gì, từ đâu (mới nhất trước, theo trang)',
  request: {
    query: z.object({
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(500).default(50),
      action: z.string().regex(/^[a-z_.]{1,60}$/, 'hành động không hợp lệ').optional(),
      userId: idParam.optional(),
    }),
  },
  responses: {
    200: {
      description: 'Một trang nhật ký',
      content: { 'application/json': { schema: z.object({ entries: z.array(entrySchema), total: z.number(), page: z.number(), pageSize: z.number() }) } },
    },
    403: { description: 'Chỉ quản trị viên', content: { 'application/json': { schema: errorResponse } } },
  },
});

export function auditRoutes() {
  const app = createRouter();
  app.use('*', requireRole('admin'));
  app.openapi(listAudit, async (c) => {
    const { page, pageSize, action, userId } = c.req.valid('query');
    const { rows, total } = await q.listAudit(c.var.deps.db, { action, userId, limit: pageSize, offset: (page - 1) * pageSize });
    return c.json(
      {
        entries: rows.map((r) => ({
          id: String(r.id),
          at: new Date(r.at).toISOString(),
          userId: r.user_id,
          username: r.username,
          action: r.action,
          target: r.target,
          ip: r.ip,
          detail: JSON.parse(r.detail_json) as Record<string, unknown>,
        })),
        total,
        page,
        pageSize,
      },
      200,
    );
  });
  return app;
}
