export { ActionRunner } from './runner.svelte';
