export { default as AlertList } from './AlertList.svelte';
export { alertBadge, refreshAlertBadge } from './badge.svelte';
