import { getOverview, getPlan, guardLoad, listPlans, type PlanDetail } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url }) =>
  guardLoad(url, async () => {
    const plan = url.searchParams.get('plan');
    const month = url.searchParams.get('month');
    const unit = url.searchParams.get('unit');
    const [overview, plans] = await Promise.all([getOverview({ plan, month, unit }, fetch), listPlans(fetch)]);
    // Anniversaries are a side panel: the overview still shows if the plan detail fails.
    const detail: PlanDetail | null = await getPlan(overview.plan.id, fetch)
      .then((r) => r.plan)
      .catch(() => null);
    return { overview, plans: plans.plans, planDetail: detail };
  });
