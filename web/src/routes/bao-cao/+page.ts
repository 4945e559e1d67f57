import { getCoverage, guardLoad } from '$lib/api';
import type { PageLoad } from './$types';
import { subtreeRows } from './report';

export const load: PageLoad = ({ fetch, url }) =>
  guardLoad(url, async () => {
    const plan = url.searchParams.get('plan');
    const month = url.searchParams.get('month');
    const unit = url.searchParams.get('unit');
    const coverage = await getCoverage({ plan, month }, fetch);
    const units = subtreeRows(coverage.units, unit);
    return { coverage, units, unit: unit && units.length ? units[0]! : null };
  });
