export { default as SourceCard } from './SourceCard.svelte';
export { default as AddSiteForm } from './AddSiteForm.svelte';
export { default as SourceSettingsForm } from './SourceSettingsForm.svelte';
