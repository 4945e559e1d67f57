import { describe, expect, it } from 'vitest';
import { checkCsrf } from './check';

describe('checkCsrf', () => {
  it.each([
    { method: 'GET', header: undefined, cookie: undefined, expected: undefined, want: 'safe-method' },
    { method: 'head', header: undefined, cookie: 'a', expected: 'b', want: 'safe-method' },
    { method: 'POST', header: undefined, cookie: 'tok', expected: undefined, want: 'missing' },
    { method: 'POST', header: 'tok', cookie: undefined, expected: undefined, want: 'missing' },
    { method: 'DELETE', header: '', cookie: '', expected: undefined, want: 'missing' },
    { method: 'POST', header: 'tok', cookie: 'tok', expected: undefined, want: 'ok' },
    { method: 'patch', header: 'tok', cookie: 'tok2', expected: undefined, want: 'mismatch' },
    { method: 'PUT', header: 'tok', cookie: 'tok', expected: 'tok', want: 'ok' },
    { method: 'PUT', header: 'evil', cookie: 'evil', expected: 'tok', want: 'mismatch' },
    { method: 'POST', header: 'tok', cookie: 'tok', expected: null, want: 'mismatch' },
  ] as const)('$method header=$header cookie=$cookie expected=$expected → $want', ({ want, ...r }) => {
    expect(checkCsrf(r)).toBe(want);
  });
});
