import { createRoute, z } from '@hono/zod-openapi';
import path from 'node:path';
import { auditRequest } from '../auth';
import { writeBackup } from '../backup';
import { createRouter } from './router';

const backupRoute = createRoute({
  method: 'post', path: '/backup', summary: 'Sao lưu cơ sở dữ liệu khi máy chủ đang chạy (một bản nhất quán trong DATA_DIR/backups)',
  responses: { 201: { description: 'Đã sao lưu', content: { 'application/json': { schema: z.object({ file: z.string(), bytes: z.number(), ms: z.number() }) } } } },
});

export function backupRoutes() {
  const app = createRouter();
  app.openapi(backupRoute, async (c) => {
    const { db, config, now } = c.var.deps;
    const r = await db.withJobMemory(() => writeBackup(db, path.join(config.dataDir, 'backups'), now()));
    await auditRequest(c, 'backup.create', path.basename(r.file), { bytes: r.bytes, ms: r.ms });
    return c.json(r, 201);
  });
  return app;
}
