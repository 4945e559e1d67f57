import { getPost, guardLoad } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url, params }) =>
  guardLoad(url, async () => {
    const { post } = await getPost(params.id, fetch);
    return { post, focus: url.searchParams.get('chu-de') };
  }, { 404: 'Không tìm thấy bài viết này.' });
