import type { Queryable } from '../db/connection';
import * as q from '../db/queries';
import { createAccount } from './accounts';
import { hashPassword } from './password';
import type { Role } from './roles';

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  unitId: string | null;
}

/**
 * Demo accounts: one staff user and a lead per listed unit, with deterministic passwords
 * (printed at start; the demo holds no real data). Re-running resets them to these values.
 */
export async function createDemoUsers(db: Queryable, opts: { staff: boolean; leads: { unitId: string }[] }): Promise<DemoLogin[]> {
  const wanted: (DemoLogin & { displayName: string })[] = [];
  if (opts.staff) wanted.push({ username: 'canbo.btg', password: 'demo-canbo-btg', role: 'staff', unitId: null, displayName: 'Cán bộ Ban Tuyên giáo' });
  for (const { unitId } of opts.leads) {
    const unit = await q.getUnit(db, unitId);
    if (!unit) throw new RangeError(`Không có đơn vị "${unitId}" để tạo tài khoản trưởng đơn vị`);
    const slug = unitId.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').slice(0, 60);
    wanted.push({ username: `ld.${slug}`, password: `demo-${slug}`, role: 'lead', unitId, displayName: `Lãnh đạo ${unit.name}` });
  }
  for (const w of wanted) {
    const existing = await q.getUserByUsername(db, w.username);
    if (!existing) {
      await createAccount(db, w);
    } else {
      await q.updateUser(db, existing.id, { role: w.role, unitId: w.unitId, disabled: false, displayName: w.displayName, passwordHash: await hashPassword(w.password) });
    }
  }
  return wanted.map(({ username, password, role, unitId }) => ({ username, password, role, unitId }));
}
