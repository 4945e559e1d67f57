import { guardLoad, listSubmissions, listUnits } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url, depends, parent }) =>
  guardLoad(url, async () => {
    depends('app:submissions');
    const { user } = await parent();
    const staff = user?.role === 'admin' || user?.role === 'staff';
    const [mine, units] = await Promise.all([listSubmissions({ mine: true }, fetch), staff ? listUnits(fetch) : Promise.resolve({ units: [] })]);
    return { submissions: mine.submissions, units: units.units };
  });
