import { getCoverage, getExportTable, guardLoad } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url }) =>
  guardLoad(url, async () => {
    const plan = url.searchParams.get('plan');
    const month = url.searchParams.get('month');
    const unit = url.searchParams.get('unit');
    // The table is the export's (same cells as the XLSX); the coverage API gives the trend.
    const [report, coverage] = await Promise.all([getExportTable({ plan, month, unit }, fetch), getCoverage({ plan, month }, fetch)]);
    return { report, trend: coverage.trend, unit };
  });
