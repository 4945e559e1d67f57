import { getTheme, guardLoad } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url, params }) =>
  guardLoad(url, async () => {
    const detail = await getTheme(params.id, { from: url.searchParams.get('from'), to: url.searchParams.get('to'), unit: url.searchParams.get('unit'), month: url.searchParams.get('month') }, fetch);
    const range: Record<string, string> = {};
    for (const k of ['from', 'to', 'month']) if (url.searchParams.get(k)) range[k] = url.searchParams.get(k)!;
    return { detail, range };
  }, { 404: 'Không tìm thấy chủ đề này.' });
