export { foldTerm, foldedTokens, foldedLine, parseQuery, bigram, MAX_QUERY_SYLLABLES, type FoldedToken, type ParsedQuery } from './tokens';
export { buildSnippet, findMarks, type Mark, type Snippet } from './snippet';
export { indexNewPosts, rebuildSearchIndex, docLines, type IndexStats, type RebuildOptions } from './indexer';
export { searchPosts, idf, PAGE_SIZE, type SearchInput, type SearchHit, type SearchResult } from './search';
