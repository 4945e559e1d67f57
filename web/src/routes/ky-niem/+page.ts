import { guardLoad, listAnniversaries, listPlans } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url }) =>
  guardLoad(url, async () => {
    const [list, plans] = await Promise.all([listAnniversaries({ plan: url.searchParams.get('plan') }, fetch), listPlans(fetch)]);
    return { list, plans: plans.plans };
  });
