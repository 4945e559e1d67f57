export { default as ThemeChips } from './ThemeChips.svelte';
export { default as PostList } from './PostList.svelte';
export { default as HighlightedText } from './HighlightedText.svelte';
export { default as MatchList } from './MatchList.svelte';
