// First run: the steps from an empty install to the first monthly report, each with its state and
// the page that does it (the overview shows them instead of an empty dashboard).
import { createRoute, z } from '@hono/zod-openapi';
import * as q from '../db/queries';
import { createRouter } from './router';

const step = z.object({ id: z.string(), title: z.string(), done: z.boolean(), detail: z.string(), href: z.string() });
const setupRoute = createRoute({
  method: 'get', path: '/', summary: 'Các bước cài đặt ban đầu (đơn vị → nguồn → kế hoạch → giao → thu thập → báo cáo) và tình trạng',
  responses: { 200: { description: 'Các bước', content: { 'application/json': { schema: z.object({ complete: z.boolean(), steps: z.array(step) }) } } } },
});

export function setupRoutes() {
  const app = createRouter();
  app.openapi(setupRoute, async (c) => {
    const n = await q.setupCounts(c.var.deps.db);
    const steps = [
      { id: 'units', title: 'Nhập danh bạ đơn vị', done: n.units > 0, detail: n.units ? `${n.units} đơn vị` : 'Chưa có đơn vị: nhập bảng tính danh sách đơn vị', href: '/quan-tri/don-vi' },
      { id: 'sources', title: 'Nguồn tin của các đơn vị', done: n.sources > 0, detail: n.sources ? `${n.sources} nguồn` : 'Chưa có nguồn: trang web trong danh bạ được dò tìm tự động, hoặc thêm bằng tay', href: '/nguon' },
      { id: 'plan', title: 'Nhập kế hoạch tuyên truyền', done: n.plans > 0, detail: n.plans ? `${n.plans} kế hoạch` : 'Chưa có kế hoạch', href: '/ke-hoach/nhap' },
      { id: 'assignment', title: 'Giao kế hoạch cho đơn vị', done: n.assignments > 0, detail: n.assignments ? `${n.assignments} lượt giao` : 'Kế hoạch chưa giao cho đơn vị nào', href: '/ke-hoach' },
      { id: 'collection', title: 'Thu thập lần đầu', done: n.posts > 0, detail: n.posts ? `${n.posts} bài viết` : n.collections ? 'Đã thu thập nhưng chưa có bài' : 'Chưa thu thập', href: '/tien-trinh' },
      { id: 'report', title: 'Báo cáo tháng đầu tiên', done: n.scores > 0, detail: n.scores ? 'Đã có điểm theo tháng' : 'Chưa có điểm: cần kế hoạch đã giao và bài đã thu thập', href: '/bao-cao' },
    ];
    return c.json({ complete: steps.every((s) => s.done), steps }, 200);
  });
  return app;
}
