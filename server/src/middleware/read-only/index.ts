import type { MiddlewareHandler } from 'hono';
import { errorBody } from '../errors';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * On a dashboard replica every write is refused before it reaches a handler: the replica serves a
 * read-only snapshot, and decisions, imports and sign-ins belong to the primary (docs/scale.md).
 */
export function readOnly(opts: { primaryUrl?: string | null } = {}): MiddlewareHandler {
  const where = opts.primaryUrl ? ` (${opts.primaryUrl})` : '';
  return async function readOnlyReplica(c, next) {
    if (READS.has(c.req.method)) return next();
    return c.json(
      errorBody('read_only_replica', `Máy chủ này là bản sao chỉ đọc của bảng theo dõi: hãy gửi thao tác ghi (đăng nhập, duyệt, nhập, sửa) tới máy chủ chính${where}.`),
      405,
      { Allow: 'GET, HEAD, OPTIONS' },
    );
  };
}
