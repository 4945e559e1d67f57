import { request, type Fetch } from './client';

export interface TextMark {
  /** [start, end) in the original text. */
  start: number;
  end: number;
}

export interface SearchHit {
  id: string;
  title: string;
  titleMarks: TextMark[];
  /** text = original.slice(from, to); marks are offsets into the original. */
  snippet: { from: number; to: number; text: string; marks: TextMark[] };
  url: string;
  unit: { id: string; name: string };
  publishedAt: string;
  isRepost: boolean;
  phrase: boolean;
  score: number;
}

export interface SearchResult {
  q: string;
  terms: string[];
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
}

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
