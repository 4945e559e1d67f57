import type { Queryable } from '../connection';

export type Role = 'admin' | 'staff' | 'lead';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  unit_id: string | null;
  unit_name: string | null;
  disabled: boolean;
  created_at: string;
}

const SELECT_USER = `SELECT u.id, u.username, u.display_name, u.password_hash, u.role, u.unit_id, n.name AS unit_name, u.disabled, u.created_at
  FROM users u LEFT JOIN units n ON n.id = u.unit_id`;

export function listUsers(db: Queryable): Promise<UserRow[]> {
  return db.all<UserRow>(`${SELECT_USER} ORDER BY u.role, u.username`);
}

export function getUser(db: Queryable, id: string): Promise<UserRow | null> {
  return db.one<UserRow>(`${SELECT_USER} WHERE u.id = $1`, [id]);
}

/** Usernames are stored lower-case, so the lookup is exact. */
export function getUserByUsername(db: Queryable, username: string): Promise<UserRow | null> {
  return db.one<UserRow>(`${SELECT_USER} WHERE u.username = $1`, [username]);
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  unitId: string | null;
}

export async function insertUser(db: Queryable, u: NewUser): Promise<void> {
  await db.run(
    `INSERT INTO users (id, username, display_name, password_hash, role, unit_id) VALUES ($1, $2, $3, $4, $5, $6)`,
    [u.id, u.username, u.displayName, u.passwordHash, u.role, u.unitId],
  );
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  unitId?: string | null;
  disabled?: boolean;
  passwordHash?: string;
}

const COLUMNS: Record<keyof UserPatch, string> = {
  displayName: 'display_name',
  role: 'role',
  unitId: 'unit_id',
  disabled: 'disabled',
  passwordHash: 'password_hash',
};

export async function updateUser(db: Queryable, id: string, patch: UserPatch): Promise<void> {
  const sets: string[] = [];
  const params: (string | boolean | null)[] = [id];
  for (const [key, column] of Object.entries(COLUMNS) as [keyof UserPatch, string][]) {
    if (patch[key] === undefined) continue;
    params.push(patch[key]);
    sets.push(`${column} = $${params.length}`);
  }
  if (sets.length) await db.run(`UPDATE users SET ${sets.join(', ')} WHERE id = $1`, params);
}
