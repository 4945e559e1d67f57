import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The caller's address. X-Forwarded-For is believed only from a local reverse proxy
 * (or when there is no socket, as in app.request), so a remote caller cannot pick its own key.
 */
export function clientAddress(c: Context): string {
  let remote: string | undefined;
  try {
    remote = getConnInfo(c).remote.address;
  } catch {
    remote = undefined;
  }
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded && (remote === undefined || LOOPBACK.test(remote))) return forwarded;
  return remote ?? 'unknown';
}

/** HTTPS directly or behind a proxy that says so. */
export function isHttps(c: Context): boolean {
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  if (proto) return proto === 'https';
  return new URL(c.req.url).protocol === 'https:';
}
