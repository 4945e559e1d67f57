import { createRoute, z } from '@hono/zod-openapi';
import { errorResponse, idParam } from '@tdtt/shared';
import { createRouter } from './router';
import { anniversariesView } from '../views/anniversaries';

const listAnniversaries = createRoute({
  method: 'get',
  path: '/',
  summary: 'Ngày kỷ niệm của kế hoạch; với mỗi đơn vị trong phạm vi: kịp thời, muộn, im lặng hoặc đang chờ',
  request: { query: z.object({ plan: idParam.optional() }) },
  responses: {
    200: { description: 'Ngày kỷ niệm', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } },
    404: { description: 'Không có kế hoạch', content: { 'application/json': { schema: errorResponse } } },
  },
});

export function anniversaryRoutes() {
  const app = createRouter();
  app.openapi(listAnniversaries, async (c) => c.json(await anniversariesView(c.var.deps.db, c.var.scope, c.req.valid('query'), c.var.deps.now()), 200));
  return app;
}
