import { sameToken } from '../../auth/tokens';

export type CsrfVerdict = 'safe-method' | 'ok' | 'missing' | 'mismatch';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Double-submit check: the header must equal the readable cookie and, when the server knows the
 * session's token (`expected`), that too — so a cookie planted by a sibling site does not pass.
 */
export function checkCsrf(r: { method: string; header: string | undefined; cookie: string | undefined; expected?: string | null }): CsrfVerdict {
  if (SAFE.has(r.method.toUpperCase())) return 'safe-method';
  if (!r.header || !r.cookie) return 'missing';
  if (!sameToken(r.header, r.cookie)) return 'mismatch';
  if (r.expected !== undefined && (r.expected === null || !sameToken(r.header, r.expected))) return 'mismatch';
  return 'ok';
}
