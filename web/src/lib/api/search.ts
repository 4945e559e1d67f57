import type { SearchResult } from '@tdtt/shared';
import { request, type Fetch } from './client';

export type { SearchHit, SearchResult, TextMark } from '@tdtt/shared';

export interface SearchParams {
  q: string;
  unit?: string | null;
  theme?: string | null;
  from?: string | null;
  to?: string | null;
  kind?: 'original' | 'repost' | null;
  page?: number | null;
}

export function searchPosts(p: SearchParams, fetch?: Fetch): Promise<SearchResult> {
  return request('GET', '/search', { query: { q: p.q, unit: p.unit, theme: p.theme, from: p.from, to: p.to, kind: p.kind, page: p.page }, fetch });
}
