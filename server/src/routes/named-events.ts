// The editable table of named events ("Đại hội XIV", "ngày bầu cử …") the plan parser resolves dates with.
import { createRoute, z } from '@hono/zod-openapi';
import { errorResponse, isoDate, orderedDays } from '@tdtt/shared';
import { auditRequest } from '../auth';
import * as q from '../db/queries';
import { badRequest } from '../middleware/errors';
import { loadNamedEvents } from '../runtime/plans';
import { createRouter } from './router';

export const namedEventSchema = z.object({
  key: z.string().min(1).max(80).regex(/^[a-z0-9-]+$/, 'mã chỉ gồm chữ thường không dấu, số và dấu gạch'),
  name: z.string().trim().min(1).max(300),
  /** How documents name it; matched accent- and case-insensitively as a prefix. */
  aliases: z.array(z.string().trim().min(2).max(300)).min(1).max(50),
  date: isoDate,
  endDate: isoDate.nullable().default(null),
}).superRefine(orderedDays('date', 'endDate'));
const table = z.object({ events: z.array(namedEventSchema).max(500), defaults: z.boolean() });
const err = (description: string) => ({ description, content: { 'application/json': { schema: errorResponse } } });

const getEvents = createRoute({
  method: 'get',
  path: '/',
  summary: 'Bảng sự kiện được gọi tên trong kế hoạch (Đại hội, ngày bầu cử …)',
  responses: { 200: { description: 'Sự kiện', content: { 'application/json': { schema: table } } } },
});

const putEvents = createRoute({
  method: 'put',
  path: '/',
  summary: 'Lưu toàn bộ bảng sự kiện (quản trị viên); dùng cho các lần nhập kế hoạch sau',
  request: { body: { required: true, content: { 'application/json': { schema: z.object({ events: z.array(namedEventSchema).max(500) }) } } } },
  responses: { 200: { description: 'Đã lưu', content: { 'application/json': { schema: table } } }, 400: err('Dữ liệu không hợp lệ'), 403: err('Chỉ quản trị viên') },
});

export function namedEventRoutes() {
  const app = createRouter();
  app.openapi(getEvents, async (c) => {
    const stored = await q.listNamedEvents(c.var.deps.db);
    return c.json({ events: stored ?? (await loadNamedEvents(c.var.deps.db)), defaults: stored === null }, 200);
  });
  app.openapi(putEvents, async (c) => {
    const { db } = c.var.deps;
    const { events } = c.req.valid('json');
    const keys = new Set<string>();
    for (const [i, e] of events.entries()) {
      if (keys.has(e.key)) throw badRequest(`events.${i}.key: mã "${e.key}" bị trùng`);
      keys.add(e.key);
      if (e.endDate && e.endDate < e.date) throw badRequest(`events.${i}.endDate: ngày kết thúc trước ngày bắt đầu`);
    }
    await db.transaction((tx) => q.replaceNamedEvents(tx, events));
    await auditRequest(c, 'named-events.update', null, { count: events.length, keys: [...keys] });
    return c.json({ events: (await q.listNamedEvents(db)) ?? [], defaults: false }, 200);
  });
  return app;
}
