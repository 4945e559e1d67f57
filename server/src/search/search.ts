// The search service: query text + filters + scope → one ranked page with highlighted snippets.
import type { Queryable } from '../db/connection';
import * as q from '../db/queries';
import type { SearchHit, SearchResult } from '@tdtt/shared';
import { buildSnippet, findMarks } from './snippet';
import { bigram, foldedTokens, parseQuery } from './tokens';

export const PAGE_SIZE = 20;

export interface SearchInput {
  q: string;
  /** Units whose posts may appear (the caller's scope, narrowed to a unit's subtree); null: all. */
  unitIds: string[] | null;
  themeId: string | null;
  from: string | null;
  to: string | null;
  kind: 'original' | 'repost' | null;
  page: number;
  modelVersion: string;
}

export type { SearchHit, SearchResult } from '@tdtt/shared';

/** idf as in BM25 (never negative): rare terms weigh more. */
export function idf(docs: number, df: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

export async function searchPosts(db: Queryable, input: SearchInput): Promise<SearchResult> {
  const parsed = parseQuery(input.q);
  const empty: SearchResult = { q: input.q, terms: parsed.words, total: 0, page: input.page, pageSize: PAGE_SIZE, hits: [] };
  if (parsed.words.length === 0 || (input.unitIds && input.unitIds.length === 0)) return empty;
  const grams = parsed.soft ? [...new Set(parsed.soft.slice(1).map((t, i) => bigram(parsed.soft![i]!, t)))] : [];
  const names = [...parsed.words, ...grams];
  const { docs, counts } = await q.termFrequencies(db, names);
  if (counts.slice(0, parsed.words.length).some((n) => n === 0)) return empty;
  const terms: q.WeightedTerm[] = names.map((term, i) => ({ term, weight: idf(docs, counts[i]!) * (i >= parsed.words.length ? 1.5 : 1), postings: counts[i]!, bigram: i >= parsed.words.length }));
  const { total, rows } = await q.searchPage(
    db,
    terms,
    parsed.phrases,
    { unitIds: input.unitIds, themeId: input.themeId, modelVersion: input.modelVersion, from: input.from, to: input.to, kind: input.kind },
    PAGE_SIZE,
    (input.page - 1) * PAGE_SIZE,
  );
  const wordSet = new Set(parsed.words);
  const phrase = parsed.phrases[0] ?? parsed.soft;
  return {
    ...empty,
    total,
    hits: rows.map((r) => {
      const snippet = buildSnippet(r.text, parsed.words, phrase);
      return {
        id: String(r.id),
        title: r.title,
        titleMarks: findMarks(foldedTokens(r.title), wordSet),
        snippet: { ...snippet, text: r.text.slice(snippet.from, snippet.to) },
        url: r.url,
        unit: { id: r.unit_id, name: r.unit_name },
        publishedAt: r.published_at,
        isRepost: r.repost_of !== null,
        phrase: r.phrase,
        score: Math.round(r.score * 1000) / 1000,
      };
    }),
  };
}
