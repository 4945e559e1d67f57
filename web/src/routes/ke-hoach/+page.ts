import { guardLoad, listPlans, listUnits } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url }) =>
  guardLoad(url, async () => {
    const [plans, units] = await Promise.all([listPlans(fetch), listUnits(fetch)]);
    return { plans: plans.plans, unitNames: Object.fromEntries(units.units.map((u) => [u.id, u.name])) as Record<string, string> };
  });
