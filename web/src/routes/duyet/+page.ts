import { getModelInfo, getReviewQueue, guardLoad } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url, depends }) =>
  guardLoad(url, async () => {
    depends('app:review');
    const [queue, model] = await Promise.all([getReviewQueue(fetch), getModelInfo(fetch)]);
    return { queue, model };
  }, { 403: 'Hàng chờ xem lại dành cho cán bộ Ban Tuyên giáo.' });
