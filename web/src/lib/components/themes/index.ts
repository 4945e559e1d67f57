export { default as ThemeTable } from './ThemeTable.svelte';
export { default as ThemeSeriesChart } from './ThemeSeriesChart.svelte';
export { default as ThemeUnits } from './ThemeUnits.svelte';
export { default as TopPosts } from './TopPosts.svelte';
