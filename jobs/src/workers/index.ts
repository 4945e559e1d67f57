export { WorkerPool, serveWorker, workerModule, type WorkerPoolOptions } from './worker-pool';
