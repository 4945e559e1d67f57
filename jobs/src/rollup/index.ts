export * from './compute-scores';
