export { default as ExportButton } from './ExportButton.svelte';
export { default as CsvLinks } from './CsvLinks.svelte';
