export { default as AuditTable } from './AuditTable.svelte';
export { default as UnitSelect } from './UnitSelect.svelte';
export { default as UserCreateForm } from './UserCreateForm.svelte';
export { default as UserEditor } from './UserEditor.svelte';
export { default as UserTable } from './UserTable.svelte';
export { ACTION_LABEL, actionLabel, describeDetail } from './labels';
