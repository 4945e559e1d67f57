export * from './period';
export * from './score';
export * from './covered';
export * from './rank';
export * from './tree';
export * from './labels';
export * from './anniversary';
export * from './figures';
