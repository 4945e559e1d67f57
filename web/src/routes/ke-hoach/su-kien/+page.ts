import { getNamedEvents, guardLoad } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url }) => guardLoad(url, async () => getNamedEvents(fetch));
