import { error } from '@sveltejs/kit';
import { getPlan, getPlanSource, guardLoad } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, parent }) => {
  const { user } = await parent();
  if (user && user.role !== 'admin') error(403, { message: 'Chỉ quản trị viên được sửa kế hoạch.', code: 'forbidden' });
  return guardLoad(url, async () => {
    const [plan, source] = await Promise.all([getPlan(params.id, fetch), getPlanSource(params.id, fetch)]);
    return { plan: plan.plan, text: source.text };
  }, { 404: 'Không tìm thấy kế hoạch này.' });
};
