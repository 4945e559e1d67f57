import { guardLoad, listJobs } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url, depends }) =>
  guardLoad(url, async () => {
    depends('app:jobs');
    return { jobs: await listJobs(fetch) };
  }, { 403: 'Bạn không có quyền xem tiến trình thu thập.' });
