import { redirect } from '@sveltejs/kit';
import { ApiError, getMe, signInPath, type User } from '$lib/api';
import type { LayoutLoad } from './$types';

// A single-page app: the server serves index.html for every page path.
export const ssr = false;
export const prerender = false;

export const load: LayoutLoad = async ({ fetch, url, untrack, depends }) => {
  depends('app:me');
  // Untracked: the signed-in user does not change with the path, so no /me call per navigation.
  const onSignIn = untrack(() => url.pathname === '/dang-nhap');
  let user: User | null = null;
  let mustChangePassword = false;
  try {
    const me = await getMe(fetch);
    user = me.user;
    mustChangePassword = me.mustChangePassword === true;
  } catch (e) {
    // Only "not signed in" leads to the sign-in page; other failures surface in the page's own load,
    // because an error thrown here could not be shown inside the layout.
    if (e instanceof ApiError && e.status === 401 && !onSignIn) redirect(307, untrack(() => signInPath(url)));
  }
  // A one-time password (lead accounts from the unit import): set one's own before anything else.
  if (mustChangePassword && untrack(() => url.pathname !== '/doi-mat-khau')) redirect(307, '/doi-mat-khau');
  return { user, mustChangePassword };
};
