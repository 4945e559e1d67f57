import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';

// Only administrators import plans (the API refuses others too); say so before the form.
export const load: PageLoad = async ({ parent }) => {
  const { user } = await parent();
  if (user && user.role !== 'admin') error(403, { message: 'Chỉ quản trị viên được nhập kế hoạch.', code: 'forbidden' });
  return {};
};
