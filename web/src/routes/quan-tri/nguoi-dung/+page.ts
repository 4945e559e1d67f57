import { guardLoad, listUnits, listUsers } from '$lib/api';
import { ADMIN_ONLY } from '../admin-only';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url, depends }) =>
  guardLoad(
    url,
    async () => {
      depends('app:users');
      const [users, units] = await Promise.all([listUsers(fetch), listUnits(fetch)]);
      return { users: users.users, units: units.units };
    },
    ADMIN_ONLY,
  );
