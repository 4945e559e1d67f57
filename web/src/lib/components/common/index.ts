export { default as AppHeader } from './AppHeader.svelte';
export { default as UserMenu } from './UserMenu.svelte';
export { default as PeriodPicker } from './PeriodPicker.svelte';
export { default as ProgressBar } from './ProgressBar.svelte';
export { default as Delta } from './Delta.svelte';
export { default as PageHeader } from './PageHeader.svelte';
export { default as ErrorView } from './ErrorView.svelte';
export { default as PlanSelect } from './PlanSelect.svelte';
