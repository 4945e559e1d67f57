export * from './highlight';
