import { request, type Fetch } from './client';
import type { Role, User } from './types';

export interface AccountUser extends User {
  disabled: boolean;
  createdAt: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitId: string | null;
}

export type UserPatch = Partial<{ displayName: string; role: Role; unitId: string | null; disabled: boolean }>;

export function listUsers(fetch?: Fetch): Promise<{ users: AccountUser[] }> {
  return request('GET', '/users', { fetch });
}

export function createUser(body: NewUser, fetch?: Fetch): Promise<{ user: AccountUser }> {
  return request('POST', '/users', { body, fetch });
}

export function updateUser(id: string, patch: UserPatch, fetch?: Fetch): Promise<{ user: AccountUser }> {
  return request('PATCH', `/users/${encodeURIComponent(id)}`, { body: patch, fetch });
}

export function resetUserPassword(id: string, password: string, fetch?: Fetch): Promise<void> {
  return request('POST', `/users/${encodeURIComponent(id)}/password`, { body: { password }, fetch });
}
