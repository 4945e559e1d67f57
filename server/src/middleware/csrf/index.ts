import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { CSRF_COOKIE, CSRF_HEADER } from '../../auth/cookies';
import { ApiError } from '../errors';
import { checkCsrf } from './check';

export { checkCsrf, type CsrfVerdict } from './check';

export interface CsrfOptions {
  cookieName?: string;
  headerName?: string;
  /** Requests that need no token (sign-in, which has no session yet). */
  exempt?: (method: string, path: string) => boolean;
  /** The token the server stored for this session; undefined skips that comparison. */
  expected?: (c: Context) => string | null | undefined;
}

/** Every POST/PUT/PATCH/DELETE must echo the CSRF cookie in a header; otherwise 403. */
export function csrf(opts: CsrfOptions = {}): MiddlewareHandler {
  const cookieName = opts.cookieName ?? CSRF_COOKIE;
  const headerName = opts.headerName ?? CSRF_HEADER;
  return async function csrfMiddleware(c, next) {
    if (opts.exempt?.(c.req.method, c.req.path)) return next();
    const verdict = checkCsrf({
      method: c.req.method,
      header: c.req.header(headerName),
      cookie: getCookie(c, cookieName),
      expected: opts.expected?.(c),
    });
    if (verdict === 'missing') throw new ApiError(403, 'csrf', 'Thiếu mã chống giả mạo yêu cầu (CSRF). Hãy tải lại trang');
    if (verdict === 'mismatch') throw new ApiError(403, 'csrf', 'Mã chống giả mạo yêu cầu (CSRF) không khớp. Hãy tải lại trang');
    return next();
  };
}
