export * from './plan';
export * from './classify';
