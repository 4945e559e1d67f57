import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { clientFromForwarded, proxyMatcher, type ProxyMatcher } from './trusted-proxy';

const matchers = new WeakMap<readonly string[], ProxyMatcher>();

function trustedProxies(c: Context): ProxyMatcher {
  const entries: readonly string[] = (c.var as { deps?: { config?: { trustProxy?: readonly string[] } } }).deps?.config?.trustProxy ?? [];
  let m = matchers.get(entries);
  if (!m) matchers.set(entries, (m = proxyMatcher(entries)));
  return m;
}

/**
 * The caller's address. X-Forwarded-For is believed only when the direct peer is a configured
 * trusted proxy (TRUST_PROXY), and then only up to the right-most hop that is not one: a caller can
 * write anything into the header, but not the hops our own proxies append.
 * A request with no socket at all (the in-process app.request of tests) has no other address, so
 * the header's right-most hop stands in for the peer.
 */
export function clientAddress(c: Context): string {
  const remote = peerAddress(c);
  const forwarded = c.req.header('x-forwarded-for');
  if (remote === undefined) return forwarded?.split(',').at(-1)?.trim() || 'unknown';
  return clientFromForwarded(remote, forwarded, trustedProxies(c));
}

function peerAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/** HTTPS directly or behind a trusted proxy that says so. */
export function isHttps(c: Context): boolean {
  const remote = peerAddress(c);
  const believed = remote === undefined || trustedProxies(c)(remote);
  const proto = believed ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() : undefined;
  if (proto) return proto === 'https';
  return new URL(c.req.url).protocol === 'https:';
}
