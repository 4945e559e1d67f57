import { guardLoad, listPlans, listThemes } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url }) =>
  guardLoad(url, async () => {
    const [list, plans] = await Promise.all([listThemes({ plan: url.searchParams.get('plan') }, fetch), listPlans(fetch)]);
    return { list, plans: plans.plans };
  });
