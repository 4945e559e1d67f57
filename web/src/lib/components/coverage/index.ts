export { default as ScoreBars } from './ScoreBars.svelte';
export { default as CoverageHeatmap } from './CoverageHeatmap.svelte';
export { default as Ranking } from './Ranking.svelte';
export { default as TrendChart } from './TrendChart.svelte';
export { default as SummaryTiles } from './SummaryTiles.svelte';
export { default as SilentUnits } from './SilentUnits.svelte';
export { default as UpcomingAnniversaries } from './UpcomingAnniversaries.svelte';
