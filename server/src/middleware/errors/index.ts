import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { ReadBusyError } from '../../db/read-pool';

/** One error shape on the wire: `{ error: { code, message } }`. */
export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** Throw from a handler: becomes `{ error: { code, message } }` with the status. */
export class ApiError extends HTTPException {
  constructor(status: ContentfulStatusCode, readonly code: string, message: string) {
    super(status, { message });
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `Không tìm thấy ${what}`);
export const badRequest = (message: string) => new ApiError(400, 'bad_request', message);
export const forbidden = () => new ApiError(403, 'forbidden', 'Bạn không có quyền truy cập nội dung này');

export function zodMessage(err: ZodError): string {
  return err.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** app.onError: HTTP exceptions and validation errors map to 4xx; anything else is a logged 500. */
export function createErrorHandler(opts: { log?: (err: unknown, c: Context) => void } = {}) {
  return function onError(err: Error, c: Context) {
    if (err instanceof ApiError) return c.json(errorBody(err.code, err.message), err.status);
    if (err instanceof ReadBusyError) {
      // Too many reads at once (or DuckDB's memory full twice): a short wait, never a 500.
      c.header('Retry-After', String(err.retryAfterSeconds));
      return c.json(errorBody('busy', 'Hệ thống đang bận, vui lòng thử lại sau ít giây'), 503);
    }
    if (err instanceof ZodError) return c.json(errorBody('bad_request', zodMessage(err)), 400);
    if (err instanceof HTTPException) {
      const status = err.status;
      const code = status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status === 413 ? 'too_large' : 'bad_request';
      return c.json(errorBody(code, err.message || 'Yêu cầu không hợp lệ'), status);
    }
    opts.log?.(err, c);
    return c.json(errorBody('internal', 'Lỗi máy chủ, vui lòng thử lại sau'), 500);
  };
}

/** zod-openapi defaultHook: invalid input is a 400 naming the field. */
export function validationHook(result: { success: boolean; error?: unknown }, c: Context) {
  if (!result.success && result.error instanceof ZodError) {
    return c.json(errorBody('bad_request', zodMessage(result.error)), 400);
  }
  return undefined;
}
