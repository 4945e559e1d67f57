export * from './job-runner';
export * from './scheduler';
