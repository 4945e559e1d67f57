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

/** A sign-in attempt counts against its username and against the caller's address. */
export async function signInKeys(c: Context): Promise<string[]> {
  const body: unknown = await c.req.json().catch(() => null);
  const username = body && typeof body === 'object' && 'username' in body && typeof body.username === 'string' ? body.username.trim().toLowerCase().slice(0, 200) : '';
  return [...(username ? [`user:${username}`] : []), `ip:${clientAddress(c)}`];
}
