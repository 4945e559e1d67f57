import { guardLoad, listSources, listWebsites, type WebsiteDiscovery } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url, depends }) =>
  guardLoad(url, async () => {
    depends('app:sources');
    const unit = url.searchParams.get('unit');
    const [shown, all, sites] = await Promise.all([
      listSources({ unit }, fetch),
      unit ? listSources({}, fetch) : null,
      // The registry's websites and what discovery found (administrators only; others get nothing).
      listWebsites(fetch).catch(() => ({ websites: [] as WebsiteDiscovery[], running: false })),
    ]);
    return { unit, shown: shown.units, websites: sites.websites, discovering: sites.running, allUnits: (all ?? shown).units.map((u) => ({ id: u.id, name: u.name, depth: u.depth })) };
  });
