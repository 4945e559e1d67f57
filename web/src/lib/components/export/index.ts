export { default as ExportButton } from './ExportButton.svelte';
