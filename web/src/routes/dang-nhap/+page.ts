import { redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';

/** Only local paths are followed after sign-in, never another origin. */
function safeNext(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || raw.startsWith('/dang-nhap')) return '/';
  return raw;
}

export const load: PageLoad = async ({ url, parent }) => {
  const next = safeNext(url.searchParams.get('next'));
  const { user } = await parent();
  if (user) redirect(307, next);
  return { next };
};
