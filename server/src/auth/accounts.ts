import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from '../db/connection';
import * as q from '../db/queries';
import { hashPassword, passwordSchema, verifyPassword } from './password';
import { ROLES, type AuthUser, type Role } from './roles';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'tên đăng nhập gồm 3–64 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới');
export { passwordSchema };
export const roleSchema = z.enum(ROLES);

/** Why an account change was refused: a closed set, mapped to HTTP in the route. */
export class AccountError extends Error {
  constructor(readonly kind: 'username-taken' | 'unknown-unit' | 'lead-needs-unit' | 'not-found' | 'self-lockout' | 'wrong-password' | 'weak-password', message: string) {
    super(message);
  }
}

export function toAuthUser(u: Pick<q.UserRow, 'id' | 'username' | 'display_name' | 'role' | 'unit_id' | 'unit_name'>): AuthUser {
  return { id: u.id, username: u.username, displayName: u.display_name, role: u.role, unitId: u.unit_id, unitName: u.unit_name };
}

/** A lead belongs to an existing unit; admin and staff may have a unit (shown) but it does not narrow them. */
async function checkUnit(db: Queryable, role: Role, unitId: string | null): Promise<void> {
  if (role === 'lead' && !unitId) throw new AccountError('lead-needs-unit', 'Trưởng đơn vị phải thuộc một đơn vị');
  if (unitId && !(await q.getUnit(db, unitId))) throw new AccountError('unknown-unit', `Không có đơn vị "${unitId}"`);
}

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitId: string | null;
}

export async function createAccount(db: Queryable, a: NewAccount): Promise<AuthUser> {
  const username = usernameSchema.parse(a.username);
  if (await q.getUserByUsername(db, username)) throw new AccountError('username-taken', `Tên đăng nhập "${username}" đã có`);
  await checkUnit(db, a.role, a.unitId);
  const id = `u-${randomUUID()}`;
  await q.insertUser(db, { id, username, displayName: a.displayName.trim() || username, passwordHash: await hashPassword(a.password), role: a.role, unitId: a.unitId });
  return toAuthUser((await q.getUser(db, id))!);
}

export interface AccountPatch {
  displayName?: string;
  role?: Role;
  unitId?: string | null;
  disabled?: boolean;
}

/** Edits a user; disabling or narrowing one ends their sessions. `actorId` may not lock themselves out. */
export async function updateAccount(db: Queryable, id: string, patch: AccountPatch, actorId: string | null): Promise<{ before: q.UserRow; after: q.UserRow }> {
  const before = await q.getUser(db, id);
  if (!before) throw new AccountError('not-found', 'Không tìm thấy người dùng');
  if (actorId === id && (patch.disabled === true || (patch.role !== undefined && patch.role !== 'admin'))) {
    throw new AccountError('self-lockout', 'Không thể tự khóa hoặc tự hạ quyền tài khoản của mình');
  }
  const role = patch.role ?? before.role;
  const unitId = patch.unitId !== undefined ? patch.unitId : before.unit_id;
  await checkUnit(db, role, unitId);
  await q.updateUser(db, id, { ...patch, displayName: patch.displayName?.trim() || undefined });
  if (patch.disabled === true || role !== before.role || unitId !== before.unit_id) await q.deleteUserSessions(db, id);
  return { before, after: (await q.getUser(db, id))! };
}

/** Sets a new password and ends the user's sessions. */
export async function resetPassword(db: Queryable, id: string, password: string): Promise<q.UserRow> {
  const user = await q.getUser(db, id);
  if (!user) throw new AccountError('not-found', 'Không tìm thấy người dùng');
  await q.updateUser(db, id, { passwordHash: await hashPassword(passwordSchema.parse(password)) });
  await q.deleteUserSessions(db, id);
  return user;
}

/**
 * A user changes their own password: the current one must be right, the new one pass the policy and
 * differ from it. Every other session of theirs ends (a stolen session dies with the old password);
 * `keepSessionId`, the one making the change, stays signed in.
 */
export async function changeOwnPassword(db: Queryable, userId: string, keepSessionId: string, currentPassword: string, newPassword: string): Promise<q.UserRow> {
  const user = await q.getUser(db, userId);
  if (!user) throw new AccountError('not-found', 'Không tìm thấy người dùng');
  if (!(await verifyPassword(user.password_hash, currentPassword))) throw new AccountError('wrong-password', 'Mật khẩu hiện tại không đúng');
  const checked = passwordSchema.safeParse(newPassword);
  if (!checked.success) throw new AccountError('weak-password', checked.error.issues[0]?.message ?? 'mật khẩu mới không hợp lệ');
  if (newPassword.normalize('NFC') === currentPassword.normalize('NFC')) throw new AccountError('weak-password', 'Mật khẩu mới phải khác mật khẩu hiện tại');
  await q.updateUser(db, userId, { passwordHash: await hashPassword(newPassword) });
  await q.clearPasswordChange(db, userId); // a one-time password (unit import) is now replaced
  await q.deleteUserSessions(db, userId, keepSessionId);
  return user;
}

export type SignInResult = { ok: true; user: q.UserRow } | { ok: false; reason: 'unknown-user' | 'bad-password' | 'disabled'; user: q.UserRow | null };

/** Checks a username and password; always spends one argon2 verification. */
export async function authenticate(db: Queryable, username: string, password: string): Promise<SignInResult> {
  const name = username.trim().toLowerCase();
  const user = await q.getUserByUsername(db, name);
  const ok = await verifyPassword(user?.password_hash ?? null, password);
  if (!user) return { ok: false, reason: 'unknown-user', user: null };
  if (!ok) return { ok: false, reason: 'bad-password', user };
  if (user.disabled) return { ok: false, reason: 'disabled', user };
  return { ok: true, user };
}
