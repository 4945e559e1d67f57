import { WorkerPool, workerModule, type WorkerPoolOptions } from '../../workers';
import type { ExtractInput, ExtractedArticle } from './extract-article';

// Extraction (readability + sanitising) off the main event loop, so the API
// stays responsive during a collection. Plug in as `collectSource(…, { extract: pool.extract })`.

export type ExtractPoolOptions = Pick<WorkerPoolOptions, 'size' | 'execArgv' | 'taskTimeoutMs'>;

/** One article page: a normal one takes milliseconds; past this it is a pathological page. */
export const EXTRACT_TASK_TIMEOUT_MS = 20_000;

export class ExtractPool {
  private readonly pool: WorkerPool<ExtractInput, ExtractedArticle>;

  constructor(opts: ExtractPoolOptions = {}) {
    this.pool = new WorkerPool(workerModule('extract-worker', import.meta.url), { taskTimeoutMs: EXTRACT_TASK_TIMEOUT_MS, ...opts, name: 'ExtractPool' });
  }

  /** Same contract as extractArticle, asynchronous. Bound: pass it around freely. */
  readonly extract = (input: ExtractInput): Promise<ExtractedArticle> => this.pool.run(input);

  close(): Promise<void> {
    return this.pool.close();
  }
}
