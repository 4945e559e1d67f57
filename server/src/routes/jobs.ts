import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from './router';
import { JobAlreadyRunning } from '@tdtt/jobs/schedule';
import { errorResponse } from '@tdtt/shared';
import * as q from '../db/queries';
import { ApiError, notFound } from '../middleware/errors';

const listJobs = createRoute({
  method: 'get',
  path: '/',
  summary: 'Công việc đang chạy (với tiến độ) và các lần chạy gần đây',
  responses: { 200: { description: 'Công việc', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } },
});

const runJob = createRoute({
  method: 'post',
  path: '/{job}/run',
  summary: 'Chạy ngay một công việc',
  request: { params: z.object({ job: z.string().regex(/^[a-z-]{1,30}$/, 'tên công việc không hợp lệ') }) },
  responses: {
    202: { description: 'Đã bắt đầu', content: { 'application/json': { schema: z.object({ runId: z.string() }) } } },
    404: { description: 'Không có', content: { 'application/json': { schema: errorResponse } } },
    409: { description: 'Đang chạy', content: { 'application/json': { schema: errorResponse } } },
  },
});

export function jobRoutes() {
  const app = createRouter();
  app.openapi(listJobs, async (c) => {
    const { runner, db } = c.var.deps;
    const recent = await q.recentRuns(db);
    return c.json(
      {
        running: runner.runningJobs().map((r) => ({ ...r, id: String(r.id) })),
        recent: recent.map((r) => ({
          id: String(r.id),
          job: r.job,
          startedAt: r.started_at,
          finishedAt: r.finished_at,
          status: r.status,
          done: r.done,
          total: r.total,
          stats: JSON.parse(r.stats_json) as Record<string, unknown>,
          error: r.error,
        })),
      },
      200,
    );
  });

  app.openapi(runJob, async (c) => {
    const { runner } = c.var.deps;
    const { job } = c.req.valid('param');
    if (!runner.names().includes(job)) throw notFound(`công việc "${job}"`);
    try {
      const { runId, done } = await runner.start(job);
      done.catch(() => undefined); // recorded by the runner
      return c.json({ runId: String(runId) }, 202);
    } catch (err) {
      if (err instanceof JobAlreadyRunning) throw new ApiError(409, 'conflict', err.message);
      throw err;
    }
  });
  return app;
}
