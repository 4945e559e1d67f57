import type { SearchParams } from '$lib/api';

const KINDS = new Set(['original', 'repost']);

/** The page's URL ↔ search parameters (the URL is the state: shareable, back-button friendly). */
export function paramsFromUrl(url: URL): SearchParams {
  const get = (k: string) => url.searchParams.get(k) || null;
  const kind = get('kind');
  const page = Number(get('page') ?? '1');
  return {
    q: get('q') ?? '',
    unit: get('unit'),
    theme: get('theme'),
    from: get('from'),
    to: get('to'),
    kind: kind && KINDS.has(kind) ? (kind as SearchParams['kind']) : null,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function searchHref(p: SearchParams): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== null && v !== undefined && v !== '' && !(k === 'page' && v === 1)) qs.set(k, String(v));
  const s = qs.toString();
  return s ? `/tim-kiem?${s}` : '/tim-kiem';
}
