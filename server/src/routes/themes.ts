import { createRoute, z } from '@hono/zod-openapi';
import { dayParam, errorResponse, idParam, monthParam, orderedDays, themeDetailResponse, themeListResponse } from '@tdtt/shared';
import { createRouter } from './router';
import { themeDetailView, themeListView } from '../views/themes';

const errJson = { 'application/json': { schema: errorResponse } };

const listThemes = createRoute({
  method: 'get',
  path: '/',
  summary: 'Chủ đề của kế hoạch và tỷ lệ đơn vị (trong phạm vi) đã có bài',
  request: { query: z.object({ plan: idParam.optional() }) },
  responses: { 200: { description: 'Chủ đề', content: { 'application/json': { schema: themeListResponse } } }, 404: { description: 'Không có kế hoạch', content: errJson } },
});

const getTheme = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'Một chủ đề: đơn vị đã có bài, số bài theo tháng (tự viết / đăng lại), bài tiêu biểu',
  request: { params: z.object({ id: idParam }), query: z.object({ from: dayParam.optional(), to: dayParam.optional(), unit: idParam.optional(), month: monthParam.optional() }).superRefine(orderedDays('from', 'to')) },
  responses: {
    200: { description: 'Chủ đề', content: { 'application/json': { schema: themeDetailResponse } } },
    400: { description: 'Tham số không hợp lệ', content: errJson },
    404: { description: 'Không có', content: errJson },
  },
});

export function themeRoutes() {
  const app = createRouter();
  app.openapi(listThemes, async (c) => c.json(await themeListView(c.var.deps.db, c.var.scope, c.req.valid('query'), c.var.deps.now()), 200));
  app.openapi(getTheme, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await themeDetailView(c.var.deps.db, c.var.scope, id, c.req.valid('query'), c.var.deps.now()), 200);
  });
  return app;
}
