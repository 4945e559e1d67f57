import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PostInput, ThemeMatch } from '@tdtt/shared';
import type { ClassifierInputs as Inputs } from './types';

export type ClassifierInputs = Inputs;

// Classification (phrase automaton over every post) off the main event loop, so the API stays
// responsive while a run classifies thousands of posts. Same pattern as ExtractPool.

export interface ClassifyPoolOptions {
  /** Worker count; default: cores − 1, at least 1. */
  size?: number;
  /** Node flags for workers; TypeScript sources need ['--import', 'tsx']. */
  execArgv?: string[];
}

type Job = { id: number; posts: PostInput[]; resolve: (m: ThemeMatch[][]) => void; reject: (e: Error) => void };

export class ClassifyPool {
  readonly version: string;
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private nextId = 1;
  private closed = false;
  private readonly inputs: Pick<Inputs, 'themes' | 'model'>;

  /** `inputs.version` names the classifier those inputs build (the caller computes it once). */
  constructor(inputs: Inputs, opts: ClassifyPoolOptions = {}) {
    this.version = inputs.version;
    this.inputs = { themes: inputs.themes, model: inputs.model };
    const size = Math.max(1, opts.size ?? availableParallelism() - 1);
    const url = new URL(import.meta.url.endsWith('.ts') ? './classify-worker.ts' : './classify-worker.js', import.meta.url);
    const execArgv = opts.execArgv ?? (import.meta.url.endsWith('.ts') ? ['--import', 'tsx'] : []);
    for (let i = 0; i < size; i++) this.spawn(url, execArgv);
  }

  private spawn(url: URL, execArgv: string[]): void {
    // Node 20 resolves a worker's entry before --import hooks run, so a .ts
    // entry is reached through a tiny bootstrap that imports it.
    const workerData = this.inputs;
    const w = url.pathname.endsWith('.ts')
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((t) => { t.register(); return import(${JSON.stringify(url.href)}); });`,
          { eval: true, execArgv, workerData },
        )
      : new Worker(url, { execArgv, workerData });
    w.unref();
    w.on('message', (m: { id: number; ok: boolean; value?: ThemeMatch[][]; error?: string }) => {
      const job = this.running.get(w);
      this.running.delete(w);
      if (job) m.ok ? job.resolve(m.value!) : job.reject(new Error(m.error));
      this.idle.push(w);
      this.pump();
    });
    w.on('error', (err) => {
      // A crashed worker fails its batch and is replaced; the pool keeps going.
      const job = this.running.get(w);
      this.running.delete(w);
      job?.reject(err);
      this.workers.splice(this.workers.indexOf(w), 1);
      const i = this.idle.indexOf(w);
      if (i >= 0) this.idle.splice(i, 1);
      if (!this.closed) this.spawn(url, execArgv);
      this.pump();
    });
    this.workers.push(w);
    this.idle.push(w);
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.running.set(w, job);
      w.postMessage({ id: job.id, posts: job.posts });
    }
  }

  /** The matches of each post, in order. Bound: pass it around freely. */
  readonly classifyBatch = (posts: PostInput[]): Promise<ThemeMatch[][]> => {
    if (this.closed) return Promise.reject(new Error('ClassifyPool is closed'));
    if (posts.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, posts, resolve, reject });
      this.pump();
    });
  };

  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.queue.splice(0)) j.reject(new Error('ClassifyPool is closed'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
