import { describe, expect, it } from 'vitest';
import { normalisePath, requiredRoles } from './roles';

describe('requiredRoles', () => {
  it.each([
    ['GET', '/api/users', ['admin']],
    ['GET', '/api/users/', ['admin']],
    ['GET', '//api//users', ['admin']],
    ['PATCH', '/api/users/u-1', ['admin']],
    ['GET', '/api/audit', ['admin']],
    ['GET', '/api/auditx', null],
    ['POST', '/api/jobs/collect/run', ['admin', 'staff']],
    ['GET', '/api/jobs', null],
    ['POST', '/api/plans/import', ['admin']],
    ['DELETE', '/api/sources/3', ['admin']],
    ['PUT', '/api/settings/x', ['admin']],
    ['GET', '/api/plans/kh-1', null],
    ['POST', '/api/auth/logout', null],
    ['POST', '/api/posts/12/flag', null],
    ['POST', '/api/posts/12/decisions', ['admin', 'staff']],
    ['POST', '/api/anything-new', ['admin', 'staff']],
    ['GET', '/api/anything-new', null],
  ] as const)('%s %s → %j', (method, path, want) => {
    expect(requiredRoles(method, path)).toEqual(want);
  });

  it('normalises slashes', () => {
    expect(normalisePath('/')).toBe('/');
    expect(normalisePath('/api//x///')).toBe('/api/x');
  });
});
