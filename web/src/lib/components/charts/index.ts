export { default as BarChart } from './BarChart.svelte';
export { default as LineChart } from './LineChart.svelte';
export { default as Heatmap } from './Heatmap.svelte';
export { default as ChartCard } from './ChartCard.svelte';
export { default as ChartCanvas } from './ChartCanvas.svelte';
export * from './palette';
