import { getTheme, guardLoad } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url, params }) =>
  guardLoad(url, async () => {
    const detail = await getTheme(params.id, { from: url.searchParams.get('from'), to: url.searchParams.get('to') }, fetch);
    return { detail };
  }, { 404: 'Không tìm thấy chủ đề này.' });
