// Signs test users in through the real sign-in API; accounts are created with the real account code.
import { createAccount } from '../../../server/src/auth/accounts';
import type { Database } from '../../../server/src/db/connection';

const PASSWORD = 'mat-khau-kiem-thu-2025';

/** Creates the user and returns the Cookie header of a fresh session. */
export async function signedIn(db: Database, base: string, username: string, role: 'admin' | 'staff' | 'lead', unitId: string | null = null): Promise<Record<string, string>> {
  await createAccount(db, { username, displayName: username, password: PASSWORD, role, unitId });
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: HTTP ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  return { cookie: cookies.join('; ') };
}
