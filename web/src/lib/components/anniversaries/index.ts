export { default as AnniversaryCalendar } from './AnniversaryCalendar.svelte';
export { default as StatusTable } from './StatusTable.svelte';
export { STATUS, STATE_LABEL, monthGrid, shiftMonth } from './status';
