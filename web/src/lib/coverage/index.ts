export * from './ranking';
export * from './anniversaries';
