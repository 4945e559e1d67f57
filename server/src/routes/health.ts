import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from './router';

const healthResponse = z.object({
  ok: z.boolean(),
  db: z.enum(['ok', 'error']),
  // The read pool (db/read-pool.ts) and DuckDB out-of-memory retries since start (README "Memory").
  reads: z.object({
    size: z.number().int(),
    active: z.number().int(),
    queued: z.number().int(),
    busy: z.number().int(),
    outOfMemory: z.number().int(),
    outOfMemoryFailed: z.number().int(),
  }),
  scheduler: z.object({
    running: z.boolean(),
    jobs: z.array(z.object({ name: z.string(), schedule: z.string(), lastRunAt: z.string().nullable(), nextRunAt: z.string().nullable() })),
  }),
});

const getHealth = createRoute({
  method: 'get',
  path: '/',
  summary: 'Tình trạng cơ sở dữ liệu và bộ lập lịch',
  responses: {
    200: { description: 'Hoạt động bình thường', content: { 'application/json': { schema: healthResponse } } },
    503: { description: 'Cơ sở dữ liệu không trả lời (cùng nội dung, ok: false)', content: { 'application/json': { schema: healthResponse } } },
  },
});

export function healthRoutes() {
  const app = createRouter();
  app.openapi(getHealth, async (c) => {
    const { db, scheduler } = c.var.deps;
    let dbOk: 'ok' | 'error' = 'ok';
    try {
      await db.one('SELECT 1 AS one');
    } catch {
      dbOk = 'error';
    }
    const sched = scheduler?.status() ?? { running: false, jobs: [] };
    // A monitor or load balancer reads the status code, not the body: a failing database is a 503.
    return c.json({ ok: dbOk === 'ok', db: dbOk, reads: db.readStats(), scheduler: sched }, dbOk === 'ok' ? 200 : 503);
  });
  return app;
}
