import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { isHttps } from './client';

export const SESSION_COOKIE = 'tdtt_session';
export const CSRF_COOKIE = 'tdtt_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

/** Session token: HttpOnly. CSRF token: readable by the page, which echoes it in X-CSRF-Token. */
export function setSignInCookies(c: Context, tokens: { session: string; csrf: string }): void {
  const secure = isHttps(c);
  setCookie(c, SESSION_COOKIE, tokens.session, { httpOnly: true, sameSite: 'Lax', secure, path: '/' });
  setCookie(c, CSRF_COOKIE, tokens.csrf, { httpOnly: false, sameSite: 'Lax', secure, path: '/' });
}

export function clearSignInCookies(c: Context): void {
  const secure = isHttps(c);
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
  deleteCookie(c, CSRF_COOKIE, { path: '/', secure, sameSite: 'Lax' });
}
