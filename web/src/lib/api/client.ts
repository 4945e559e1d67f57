// The one HTTP helper every endpoint function goes through: JSON in/out, CSRF header, typed failures.
import { ApiError } from './api-error';

export type Fetch = typeof fetch;
type Query = Record<string, string | number | null | undefined>;

const CSRF_COOKIE = 'tdtt_csrf';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads a cookie from a `document.cookie`-style string. */
export function readCookie(cookies: string, name: string): string | null {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export function buildPath(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  fetch?: Fetch;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (STATE_CHANGING.has(method) && typeof document !== 'undefined') {
    const token = readCookie(document.cookie, CSRF_COOKIE);
    if (token) headers['x-csrf-token'] = token;
  }
  const doFetch = opts.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(buildPath(`/api${path}`, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (res.status === 204) return undefined as T;
  const payload: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new ApiError(
      res.status,
      typeof err?.code === 'string' ? err.code : `http_${res.status}`,
      typeof err?.message === 'string' ? err.message : '',
    );
  }
  return payload as T;
}

/** Sends one file as multipart field `file` (the JSON helper cannot send files); the answer's JSON even on failure. */
export async function uploadFile<T>(path: string, file: File, query?: Query): Promise<T> {
  const form = new FormData();
  form.set('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = typeof document !== 'undefined' ? readCookie(document.cookie, CSRF_COOKIE) : null;
  if (token) headers['x-csrf-token'] = token;
  let res: Response;
  try {
    res = await fetch(buildPath(`/api${path}`, query), { method: 'POST', headers, body: form, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  const payload = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) throw new ApiError(res.status, payload?.error?.code ?? `http_${res.status}`, payload?.error?.message ?? '', payload);
  return payload as T;
}
