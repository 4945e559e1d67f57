import { hash, verify } from '@node-rs/argon2';

export { MIN_PASSWORD_LENGTH, passwordProblem, passwordSchema } from './password-policy';

/** argon2id with the library defaults (19 MiB, 2 passes): the OWASP baseline. */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'));
}

let dummy: Promise<string> | null = null;

/** Checks a password; with no stored hash it still spends the same work, so timing does not reveal unknown usernames. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    dummy ??= hashPassword('không-có-tài-khoản-này');
    await verify(await dummy, password.normalize('NFC')).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password.normalize('NFC'));
  } catch {
    return false;
  }
}
