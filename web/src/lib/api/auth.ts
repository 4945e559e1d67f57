import { request, type Fetch } from './client';
import type { User } from './types';

export function login(username: string, password: string, fetch?: Fetch): Promise<{ user: User }> {
  return request('POST', '/auth/login', { body: { username, password }, fetch });
}

export function logout(fetch?: Fetch): Promise<void> {
  return request('POST', '/auth/logout', { fetch });
}

/** `mustChangePassword`: the account holds a one-time password; every page but /doi-mat-khau waits. */
export function getMe(fetch?: Fetch): Promise<{ user: User; mustChangePassword?: boolean }> {
  return request('GET', '/auth/me', { fetch });
}

/** Changes the signed-in user's own password; their other sessions end, this one stays. */
export function changePassword(currentPassword: string, newPassword: string, fetch?: Fetch): Promise<void> {
  return request('POST', '/auth/password', { body: { currentPassword, newPassword }, fetch });
}
