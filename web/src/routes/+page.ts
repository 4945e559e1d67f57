import { ApiError, getOverview, getPlan, getSetup, guardLoad, listPlans, type Overview, type PlanDetail } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url }) =>
  guardLoad(url, async () => {
    const plan = url.searchParams.get('plan');
    const month = url.searchParams.get('month');
    const unit = url.searchParams.get('unit');
    // A new install has nothing to show yet: the setup checklist takes the overview's place.
    const setup = await getSetup(fetch);
    let overview: Overview | null = null;
    try {
      overview = await getOverview({ plan, month, unit }, fetch);
    } catch (e) {
      if (setup.complete || !(e instanceof ApiError && e.status === 404)) throw e;
    }
    const plans = await listPlans(fetch);
    if (!overview) return { setup, overview: null, plans: plans.plans, planDetail: null };
    // Anniversaries are a side panel: the overview still shows if the plan detail fails.
    const detail: PlanDetail | null = await getPlan(overview.plan.id, fetch)
      .then((r) => r.plan)
      .catch(() => null);
    return { setup, overview, plans: plans.plans, planDetail: detail };
  });
