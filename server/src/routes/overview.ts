import { createRoute } from '@hono/zod-openapi';
import { createRouter } from './router';
import { errorResponse, overviewQuery, overviewResponse } from '@tdtt/shared';
import { overviewView } from '../views/overview';

const getOverview = createRoute({
  method: 'get',
  path: '/',
  summary: 'Tổng quan một cấp của cây đơn vị: đơn vị và các đơn vị trực thuộc, mỗi dòng cộng dồn cả cây con',
  description:
    'Không có `unit`: cấp cao nhất người dùng được xem. Điểm của một dòng là trung bình điểm của đơn vị và mọi đơn vị trực thuộc; số bài là tổng của cây con. Bảng đầy đủ mọi đơn vị: /api/coverage.',
  request: { query: overviewQuery },
  responses: {
    200: { description: 'Một cấp đơn vị × chủ đề, tóm tắt, xu hướng, đơn vị không có bài', content: { 'application/json': { schema: overviewResponse } } },
    400: { description: 'Tham số không hợp lệ', content: { 'application/json': { schema: errorResponse } } },
    403: { description: 'Đơn vị ngoài phạm vi', content: { 'application/json': { schema: errorResponse } } },
    404: { description: 'Không có kế hoạch hoặc đơn vị', content: { 'application/json': { schema: errorResponse } } },
  },
});

export function overviewRoutes() {
  const app = createRouter();
  app.openapi(getOverview, async (c) => c.json(await overviewView(c.var.deps.db, c.var.scope, c.req.valid('query'), c.var.deps.now()), 200));
  return app;
}
