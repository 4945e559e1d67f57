export { foldTerm, foldedTokens, foldedLine, parseQuery, bigram, MAX_QUERY_SYLLABLES, type FoldedToken, type ParsedQuery } from './tokens';
export { buildSnippet, findMarks, type Mark, type Snippet } from './snippet';
export {
  indexNewPosts,
  rebuildSearchIndex,
  compactSearchIndex,
  searchIndexSize,
  readIndexState,
  type IndexStats,
  type IndexState,
  type RebuildOptions,
  type CompactOptions,
  type SearchIndexSize,
} from './indexer';
export { searchPosts, idf, PAGE_SIZE, PHRASE_CHECK_MAX, type SearchInput, type SearchHit, type SearchResult } from './search';
export { postAttributes, noteRepostChanges } from './attributes';
export { termKey } from './hash';
