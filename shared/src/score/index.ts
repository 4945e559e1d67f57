export * from './period';
export * from './score';
export * from './anniversary';
