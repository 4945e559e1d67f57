// Test users signed in through the real sign-in API; accounts are created with the real account code.
import { createAccount } from '../../../server/src/auth/accounts';
import type { Database } from '../../../server/src/db/connection';
import { signIn } from '../../support';

const PASSWORD = 'mat-khau-kiem-thu-2025';

/** Creates the user and returns the headers (cookie, CSRF token) of a fresh session. */
export async function signedIn(db: Database, base: string, username: string, role: 'admin' | 'staff' | 'lead', unitId: string | null = null): Promise<Record<string, string>> {
  await createAccount(db, { username, displayName: username, password: PASSWORD, role, unitId });
  return signIn(base, username, PASSWORD);
}
