export { default as RunningJobs } from './RunningJobs.svelte';
export { default as RecentRuns } from './RecentRuns.svelte';
export { default as JobControls } from './JobControls.svelte';
