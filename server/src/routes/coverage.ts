import { createRoute } from '@hono/zod-openapi';
import { createRouter } from './router';
import { coverageQuery, coverageResponse, errorResponse } from '@tdtt/shared';
import { coverageView } from '../views/coverage';

const getCoverage = createRoute({
  method: 'get',
  path: '/',
  summary: 'Độ bao phủ chủ đề theo đơn vị trong một tháng',
  request: { query: coverageQuery },
  responses: {
    200: { description: 'Đơn vị × chủ đề: số bài, điểm', content: { 'application/json': { schema: coverageResponse } } },
    400: { description: 'Tham số không hợp lệ', content: { 'application/json': { schema: errorResponse } } },
    404: { description: 'Không có kế hoạch', content: { 'application/json': { schema: errorResponse } } },
  },
});

export function coverageRoutes() {
  const app = createRouter();
  app.openapi(getCoverage, async (c) => {
    const query = c.req.valid('query');
    return c.json(await coverageView(c.var.deps.db, c.var.scope, query, c.var.deps.now()), 200);
  });
  return app;
}
