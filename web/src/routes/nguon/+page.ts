import { guardLoad, listSources } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url, depends }) =>
  guardLoad(url, async () => {
    depends('app:sources');
    const unit = url.searchParams.get('unit');
    const [shown, all] = await Promise.all([listSources({ unit }, fetch), unit ? listSources({}, fetch) : null]);
    return { unit, shown: shown.units, allUnits: (all ?? shown).units.map((u) => ({ id: u.id, name: u.name, depth: u.depth })) };
  });
