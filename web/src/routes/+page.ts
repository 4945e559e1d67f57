import { getCoverage, getPlan, guardLoad, listPlans, type PlanDetail } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url }) =>
  guardLoad(url, async () => {
    const plan = url.searchParams.get('plan');
    const month = url.searchParams.get('month');
    const [coverage, plans] = await Promise.all([getCoverage({ plan, month }, fetch), listPlans(fetch)]);
    // Anniversaries are a side panel: the overview still shows if the plan detail fails.
    const detail: PlanDetail | null = await getPlan(coverage.plan.id, fetch)
      .then((r) => r.plan)
      .catch(() => null);
    return { coverage, plans: plans.plans, planDetail: detail };
  });
