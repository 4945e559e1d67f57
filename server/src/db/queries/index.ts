export * from './units';
export * from './sources';
export * from './plans';
export * from './posts';
export * from './matches';
export * from './coverage';
export * from './job-runs';
export * from './settings';
