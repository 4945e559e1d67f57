export * from './dates';
export * from './plan';
export * from './classify';
export * from './api';
export * from './search';
export * from './alerts';
