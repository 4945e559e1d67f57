import { getUnit, guardLoad } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url, params }) =>
  guardLoad(url, async () => {
    const plan = url.searchParams.get('plan');
    const month = url.searchParams.get('month');
    const detail = await getUnit(params.id, { plan, month }, fetch);
    return { detail, plan };
  }, { 404: 'Không tìm thấy đơn vị này.' });
