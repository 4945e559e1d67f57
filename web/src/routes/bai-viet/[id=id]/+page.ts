import { getPost, guardLoad } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, url, params, depends }) =>
  guardLoad(url, async () => {
    depends('app:post');
    const { post, themes } = await getPost(params.id, fetch);
    return { post, themes, focus: url.searchParams.get('chu-de') };
  }, { 404: 'Không tìm thấy bài viết này.' });
