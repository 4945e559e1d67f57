import { normalisePath } from '../../auth/roles';

/** Requests answered without a session: sign-in and health. */
export const PUBLIC_ROUTES: [method: string, path: string][] = [
  ['POST', '/api/auth/login'],
  ['GET', '/api/health'],
  ['HEAD', '/api/health'],
];

export function isPublicRoute(method: string, path: string, routes = PUBLIC_ROUTES): boolean {
  const m = method.toUpperCase();
  const p = normalisePath(path);
  return routes.some(([rm, rp]) => rm === m && rp === p);
}
