export { default as FigureHeads } from './FigureHeads.svelte';
export { default as FigureCells } from './FigureCells.svelte';
export { default as FigureTiles } from './FigureTiles.svelte';
