import { guardLoad, listAlerts } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url, depends }) =>
  guardLoad(url, async () => {
    depends('app:alerts');
    const all = url.searchParams.get('all') === '1';
    return { all, list: await listAlerts({ all }, fetch) };
  });
