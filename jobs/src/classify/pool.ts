import type { PostInput, ThemeMatch } from '@tdtt/shared';
import { WorkerPool, workerModule, type WorkerPoolOptions } from '../workers';
import type { ClassifierInputs as Inputs } from './types';

export type ClassifierInputs = Inputs;

// Classification (phrase automaton over every post) off the main event loop, so the API stays
// responsive while a run classifies thousands of posts. Each worker builds the classifier once.

export type ClassifyPoolOptions = Pick<WorkerPoolOptions, 'size' | 'execArgv' | 'taskTimeoutMs'>;

export class ClassifyPool {
  readonly version: string;
  private readonly pool: WorkerPool<PostInput[], ThemeMatch[][]>;

  /** `inputs.version` names the classifier those inputs build (the caller computes it once). */
  constructor(inputs: Inputs, opts: ClassifyPoolOptions = {}) {
    this.version = inputs.version;
    const workerData: Pick<Inputs, 'themes' | 'model'> = { themes: inputs.themes, model: inputs.model };
    this.pool = new WorkerPool(workerModule('classify-worker', import.meta.url), { taskTimeoutMs: 2 * 60_000, ...opts, workerData, name: 'ClassifyPool' });
  }

  /** The matches of each post, in order. Bound: pass it around freely. */
  readonly classifyBatch = (posts: PostInput[]): Promise<ThemeMatch[][]> => (posts.length === 0 ? Promise.resolve([]) : this.pool.run(posts));

  close(): Promise<void> {
    return this.pool.close();
  }
}
