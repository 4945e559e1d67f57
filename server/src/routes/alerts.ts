import { createRoute, z } from '@hono/zod-openapi';
import { errorResponse } from '@tdtt/shared';
import { createRouter } from './router';
import { auditRequest } from '../auth/audit';
import * as q from '../db/queries';
import { notFound } from '../middleware/errors';
import { computeAlerts } from '../views/alerts';
import { alertsCsv, csvDialect, csvHeaders, listFormatParam } from '../export/list-csv';

const alertKey = z.string().min(1).max(300).regex(/^[\w:.\-]+$/, 'mã cảnh báo không hợp lệ');

const listAlerts = createRoute({
  method: 'get',
  path: '/',
  summary: 'Cảnh báo (tính tại thời điểm gọi) trong phạm vi người dùng; số cảnh báo chưa xác nhận (`count=1`: chỉ các con số, cho huy hiệu)',
  description: '`format=csv` (hoặc `csv-vn` cho Excel tiếng Việt): cùng danh sách dưới dạng tệp CSV.',
  request: { query: z.object({ all: z.enum(['0', '1']).optional(), count: z.enum(['0', '1']).optional(), format: listFormatParam }) },
  responses: {
    200: { description: 'Cảnh báo', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) }, 'text/csv': { schema: z.string() } } },
    400: { description: 'Tham số không hợp lệ', content: { 'application/json': { schema: errorResponse } } },
  },
});

const ackAlertRoute = createRoute({
  method: 'post',
  path: '/{key}/ack',
  summary: 'Xác nhận đã xem một cảnh báo (ẩn khỏi số đếm)',
  request: { params: z.object({ key: alertKey }) },
  responses: {
    200: { description: 'Đã xác nhận', content: { 'application/json': { schema: z.object({ key: z.string(), acknowledged: z.literal(true) }) } } },
    404: { description: 'Không có cảnh báo này', content: { 'application/json': { schema: errorResponse } } },
  },
});

export function alertRoutes() {
  const app = createRouter();
  app.openapi(listAlerts, async (c) => {
    const alerts = await computeAlerts(c.var.deps.db, c.var.scope, c.var.deps.now());
    const unacknowledged = alerts.filter((a) => !a.acknowledged).length;
    const query = c.req.valid('query');
    // The header badge needs the numbers only (thousands of alerts at province scale).
    const listed = query.count === '1' ? [] : query.all === '1' ? alerts : alerts.filter((a) => !a.acknowledged);
    if (query.format) return c.body(alertsCsv(listed, csvDialect(query.format)), 200, csvHeaders('Cảnh báo', query.format)) as never;
    return c.json({ unacknowledged, total: alerts.length, alerts: listed }, 200);
  });
  app.openapi(ackAlertRoute, async (c) => {
    const { key } = c.req.valid('param');
    // Only an alert the caller can see now can be acknowledged (scoping: no blind acks on other units).
    const alert = (await computeAlerts(c.var.deps.db, c.var.scope, c.var.deps.now())).find((a) => a.key === key);
    if (!alert) throw notFound(`cảnh báo "${key}"`);
    const user = c.var.user ? { id: c.var.user.id, username: c.var.user.username } : null;
    await q.ackAlert(c.var.deps.db, key, user, c.var.deps.now());
    await auditRequest(c, 'alert.ack', key, { kind: alert.kind, unitId: alert.unitId });
    return c.json({ key, acknowledged: true as const }, 200);
  });
  return app;
}
