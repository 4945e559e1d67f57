export { WorkerPool, WorkerTaskTimeout, DEFAULT_TASK_TIMEOUT_MS, serveWorker, workerModule, type WorkerPoolOptions } from './worker-pool';
