export * from './anniversaries';
