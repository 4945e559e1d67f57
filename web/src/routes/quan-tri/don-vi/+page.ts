import { guardLoad, listRegistry } from '$lib/api';
import { ADMIN_ONLY } from '../admin-only';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url, depends }) =>
  guardLoad(
    url,
    async () => {
      depends('app:registry');
      return { units: (await listRegistry(fetch)).units };
    },
    ADMIN_ONLY,
  );
