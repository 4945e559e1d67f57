export { WorkerPool, WorkerTaskTimeout, DEFAULT_TASK_TIMEOUT_MS, serveWorker, startWorker, workerModule, type WorkerPoolOptions } from './worker-pool';
