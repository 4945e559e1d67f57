export * from './sort';
export { sortable } from './sortable';
