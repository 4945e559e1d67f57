import type { Role } from '../db/queries/users';

export type { Role };
export const ROLES = ['admin', 'staff', 'lead'] as const satisfies readonly Role[];

/** The signed-in user as handlers and the API see it. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  unitName: string | null;
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface AccessRule {
  /** 'write' = POST/PUT/PATCH/DELETE; 'any' = every method. */
  methods: 'write' | 'any' | string[];
  path: { test(path: string): boolean };
  roles: Role[];
  why: string;
}

/** A unit lead reads; the only writes a lead may make (sign out, change their own password; flag a classification for staff review). */
export const LEAD_WRITES: RegExp[] = [/^\/api\/auth\/(logout|password)$/, /^\/api\/posts\/[^/]+\/(flag|flags|review-request)$/, /^\/api\/submissions$/];

/** First matching rule wins; no match = any signed-in user (routes still filter by unit scope). */
export const ACCESS_RULES: AccessRule[] = [
  { methods: 'any', path: /^\/api\/(users|audit|admin)(\/|$)/, roles: ['admin'], why: 'quản trị tài khoản, nhật ký, sao lưu' },
  { methods: 'any', path: /^\/api\/units\/(registry|registry\.xlsx|websites|import)$/, roles: ['admin'], why: 'danh bạ đơn vị (tài khoản, thư điện tử)' },
  { methods: ['POST'], path: /^\/api\/jobs\/[^/]+\/run$/, roles: ['admin', 'staff'], why: 'chạy công việc' },
  { methods: 'any', path: /^\/api\/review(\/|$)/, roles: ['admin', 'staff'], why: 'hàng chờ xem lại phân loại' },
  { methods: 'write', path: /^\/api\/(plans|units|sources|settings|named-events)(\/|$)/, roles: ['admin'], why: 'quản trị kế hoạch, đơn vị, nguồn, cài đặt' },
  { methods: 'write', path: { test: (p) => !LEAD_WRITES.some((r) => r.test(p)) }, roles: ['admin', 'staff'], why: 'trưởng đơn vị chỉ xem' },
];

function methodMatches(rule: AccessRule, method: string): boolean {
  if (rule.methods === 'any') return true;
  if (rule.methods === 'write') return WRITE.has(method);
  return rule.methods.includes(method);
}

/** Collapses repeated and trailing slashes so `/api//users/` is judged as `/api/users`. */
export function normalisePath(path: string): string {
  const p = path.replace(/\/{2,}/g, '/');
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/** The roles allowed to make this request, or null when every signed-in user may. */
export function requiredRoles(method: string, path: string, rules: AccessRule[] = ACCESS_RULES): Role[] | null {
  const m = method.toUpperCase();
  const p = normalisePath(path);
  return rules.find((r) => methodMatches(r, m) && r.path.test(p))?.roles ?? null;
}

export function isWriteMethod(method: string): boolean {
  return WRITE.has(method.toUpperCase());
}
