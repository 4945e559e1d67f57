import type { ParamMatcher } from '@sveltejs/kit';

// API ids are opaque strings; the same shape the server accepts (shared idParam) so junk paths become a 404 here, not an API call.
export const match = ((param: string): param is string =>
  /^[\w:.-]{1,200}$/.test(param)) satisfies ParamMatcher;
