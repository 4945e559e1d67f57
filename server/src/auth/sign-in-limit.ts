import type { Context } from 'hono';
import type { Queryable } from '../db/connection';
import * as q from '../db/queries';
import type { FailureStore } from '../middleware/rate-limit';
import { clientAddress } from './client';

/** Failed sign-ins in DuckDB: a restart does not reset the limit. */
export function signInFailureStore(db: Queryable, windowMs = 15 * 60_000): FailureStore {
  return {
    async failures(keys, since) {
      const rows = await q.signInFailures(db, keys, since);
      const out = new Map<string, Date[]>(keys.map((k) => [k, []]));
      for (const r of rows) out.get(r.key)?.push(new Date(r.at));
      return out;
    },
    record: (keys, at) => q.recordSignInFailures(db, keys, at),
    // Also drops rows older than the window, so the table stays small.
    clear: (keys, now) => q.clearSignInFailures(db, keys, new Date(now.getTime() - windowMs)),
  };
}

/**
 * The sign-in policy (docs/sign-in.md): failures count against the (username, address) pair — 5 in
 * 15 minutes and that pair waits — and against the address alone — 20 in 15 minutes, whatever the
 * usernames (password spraying). A username is never locked on its own: wrong guesses from one place
 * do not keep the right password out from another.
 */
export const SIGN_IN_LIMITS = { pair: 5, address: 20, windowMs: 15 * 60_000 } as const;

export const pairKey = (username: string, address: string) => `pair:${username}|${address}`;
export const addressKey = (address: string) => `ip:${address}`;

/** The username of a pair key (for the audit log), or null. */
export function usernameOfKey(key: string): string | null {
  return key.startsWith('pair:') ? key.slice(5, key.lastIndexOf('|')) : null;
}

/** Failures allowed per key in the window, by kind of key. */
export function signInLimitFor(limits: { pair: number; address: number }) {
  return (key: string) => (key.startsWith('pair:') ? limits.pair : limits.address);
}

/** A sign-in attempt counts against its (username, address) pair and against the address. */
export async function signInKeys(c: Context): Promise<string[]> {
  const body: unknown = await c.req.json().catch(() => null);
  const username = body && typeof body === 'object' && 'username' in body && typeof body.username === 'string' ? body.username.trim().toLowerCase().slice(0, 200) : '';
  const address = clientAddress(c);
  return [...(username ? [pairKey(username, address)] : []), addressKey(address)];
}

/** Changing one's own password with a wrong current one counts like a failed sign-in of that user. */
export function passwordChangeKeys(c: Context): string[] {
  const user = (c.var as { user?: { username: string } | null }).user;
  const address = clientAddress(c);
  return [...(user ? [pairKey(user.username, address)] : []), addressKey(address)];
}
