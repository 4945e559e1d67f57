export { default as ScoreSeries } from './ScoreSeries.svelte';
export { default as ThemeCoverage } from './ThemeCoverage.svelte';
export { default as SourceList } from './SourceList.svelte';
export { default as SubUnits } from './SubUnits.svelte';
