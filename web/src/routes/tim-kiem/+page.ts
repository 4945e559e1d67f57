import { apiErrorMessage, guardLoad, listThemes, listUnits, searchPosts, ApiError } from '$lib/api';
import type { PageLoad } from './$types';
import { paramsFromUrl } from './params';

export const load: PageLoad = ({ fetch, url }) =>
  guardLoad(url, async () => {
    const params = paramsFromUrl(url);
    const [units, themes] = await Promise.all([
      listUnits(fetch),
      listThemes({}, fetch).catch(() => null), // no plan yet: search still works without the theme filter
    ]);
    let result = null;
    let error: string | null = null;
    if (params.q.trim()) {
      try {
        result = await searchPosts(params, fetch);
      } catch (e) {
        // Bad input (400) is shown beside the form; anything else goes to the error page.
        if (e instanceof ApiError && e.status === 400) error = apiErrorMessage(e);
        else throw e;
      }
    }
    return {
      params,
      result,
      error,
      units: units.units.map((u) => ({ id: u.id, label: `${'\u00a0\u00a0'.repeat(u.depth)}${u.name}` })),
      themes: (themes?.themes ?? []).map((t) => ({ id: t.id, label: t.title })),
    };
  });
