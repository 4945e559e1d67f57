import type { Queryable } from '../db/connection';
import * as q from '../db/queries';
import { createAccount, usernameSchema } from './accounts';
import { audit } from './audit';
import { hashPassword, verifyPassword } from './password';

export type EnsureAdminResult = { username: string; action: 'created' | 'updated' | 'unchanged' } | null;

/**
 * The first admin from ADMIN_USER / ADMIN_PASSWORD. The configured account is authoritative:
 * it is created when missing, and otherwise kept an enabled admin with the configured password
 * (so an operator who lost the password resets it by restarting with a new one).
 */
export async function ensureAdmin(db: Queryable, admin: { username: string; password: string } | null, now = new Date()): Promise<EnsureAdminResult> {
  if (!admin) return null;
  const username = usernameSchema.parse(admin.username);
  const existing = await q.getUserByUsername(db, username);
  if (!existing) {
    const user = await createAccount(db, { username, displayName: 'Quản trị hệ thống', password: admin.password, role: 'admin', unitId: null });
    await audit(db, { userId: user.id, username, action: 'user.create', target: user.id, detail: { role: 'admin', via: 'config' }, at: now });
    return { username, action: 'created' };
  }
  const samePassword = await verifyPassword(existing.password_hash, admin.password);
  if (samePassword && existing.role === 'admin' && !existing.disabled) return { username, action: 'unchanged' };
  await q.updateUser(db, existing.id, {
    role: 'admin',
    disabled: false,
    ...(samePassword ? {} : { passwordHash: await hashPassword(admin.password) }),
  });
  if (!samePassword) await q.deleteUserSessions(db, existing.id);
  await audit(db, { userId: existing.id, username, action: 'user.update', target: existing.id, detail: { via: 'config', passwordReset: !samePassword }, at: now });
  return { username, action: 'updated' };
}
