import { guardLoad, listAudit } from '$lib/api';
import { ADMIN_ONLY } from '../admin-only';
import type { PageLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageLoad = ({ fetch, url }) =>
  guardLoad(
    url,
    async () => {
      const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
      const action = url.searchParams.get('action') || null;
      return { log: await listAudit({ page, pageSize: PAGE_SIZE, action }, fetch), action };
    },
    ADMIN_ONLY,
  );
