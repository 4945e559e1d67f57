import { getPlan, guardLoad, listPlanVersions, listUnits } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url, params, depends }) =>
  guardLoad(url, async () => {
    depends('app:plan');
    const [plan, versions, units] = await Promise.all([getPlan(params.id, fetch), listPlanVersions(params.id, fetch), listUnits(fetch)]);
    return { plan: plan.plan, versions: versions.versions, units: units.units, saved: url.searchParams.get('luu') };
  }, { 404: 'Không tìm thấy kế hoạch này.' });
