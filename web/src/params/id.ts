import type { ParamMatcher } from '@sveltejs/kit';

// API ids are opaque strings; accept only URL-safe ones so junk paths become a 404 here, not an API call.
export const match = ((param: string): param is string =>
  /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/.test(param)) satisfies ParamMatcher;
