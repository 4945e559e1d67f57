export { default as SearchForm } from './SearchForm.svelte';
export { default as SearchResults } from './SearchResults.svelte';
export { default as MarkedText } from './MarkedText.svelte';
export { markPieces, type Piece } from './marked';
