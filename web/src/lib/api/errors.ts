// One place that turns API failures into Vietnamese messages and into SvelteKit load outcomes.
import { error, redirect } from '@sveltejs/kit';
import { goto } from '$app/navigation';
import { ApiError } from './api-error';

export { ApiError };

export const FORBIDDEN_MESSAGE = 'Bạn không có quyền truy cập đơn vị này';
export const NOT_FOUND_MESSAGE = 'Không tìm thấy trang hoặc dữ liệu bạn yêu cầu';

const FIXED: Record<number, string> = {
  0: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  401: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  403: FORBIDDEN_MESSAGE,
  404: NOT_FOUND_MESSAGE,
};

const FALLBACK: Record<number, string> = {
  400: 'Dữ liệu gửi lên không hợp lệ.',
  409: 'Tác vụ này đang chạy, vui lòng đợi.',
  429: 'Bạn đã thử quá nhiều lần. Vui lòng đợi một lúc rồi thử lại.',
};

/** The Vietnamese message for any failure; `overrides` lets a page word a status for its context. */
export function apiErrorMessage(e: unknown, overrides: Partial<Record<number, string>> = {}): string {
  if (!(e instanceof ApiError)) return 'Đã có lỗi không mong muốn. Vui lòng thử lại.';
  const own = overrides[e.status];
  if (own) return own;
  const fixed = FIXED[e.status];
  if (fixed) return fixed;
  if (e.serverMessage) return e.serverMessage;
  if (e.status >= 500) return 'Máy chủ đang gặp sự cố. Vui lòng thử lại sau.';
  return FALLBACK[e.status] ?? `Yêu cầu không thành công (mã ${e.status}).`;
}

export function signInPath(url: URL): string {
  const next = url.pathname + url.search;
  return next === '/' || url.pathname === '/dang-nhap' ? '/dang-nhap' : `/dang-nhap?next=${encodeURIComponent(next)}`;
}

/** For `+page.ts` loads: 401 → sign-in page, other failures → the error page with a Vietnamese message. */
export function rethrowForLoad(e: unknown, url: URL, overrides: Partial<Record<number, string>> = {}): never {
  if (e instanceof ApiError) {
    if (e.status === 401) redirect(307, signInPath(url));
    error(e.status === 0 ? 503 : e.status, { message: apiErrorMessage(e, overrides), code: e.code });
  }
  throw e;
}

/** Runs a load body through `rethrowForLoad`. */
export async function guardLoad<T>(
  url: URL,
  body: () => Promise<T>,
  overrides: Partial<Record<number, string>> = {},
): Promise<T> {
  try {
    return await body();
  } catch (e) {
    rethrowForLoad(e, url, overrides);
  }
}

/** For button actions in the browser: 401 navigates to sign-in; returns the message to show. */
export function messageForAction(e: unknown, overrides: Partial<Record<number, string>> = {}): string {
  if (e instanceof ApiError && e.status === 401 && typeof window !== 'undefined') {
    void goto(signInPath(new URL(window.location.href)));
  }
  return apiErrorMessage(e, overrides);
}
