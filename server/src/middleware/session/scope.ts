import type { AuthUser } from '../../auth/roles';
import type { Queryable } from '../../db/connection';
import { subtreeIds } from '../../db/queries/units';
import { Scope } from '../scope';

/** Admin and staff see every unit; a lead sees their unit and its sub-units; anyone else nothing. */
export async function scopeFor(db: Queryable, user: AuthUser | null): Promise<Scope> {
  if (user?.role === 'admin' || user?.role === 'staff') return Scope.all();
  if (user?.role === 'lead' && user.unitId) return Scope.subtree(user.unitId, await subtreeIds(db, user.unitId));
  return Scope.subtree('', []);
}
