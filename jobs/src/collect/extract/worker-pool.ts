import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExtractInput, ExtractedArticle } from './extract-article';

// Extraction (readability + sanitising) off the main event loop, so the API
// stays responsive during a collection. Plug in as `collectSource(…, { extract: pool.extract })`.

export interface ExtractPoolOptions {
  /** Worker count; default: cores − 1, at least 1. */
  size?: number;
  /** Node flags for workers; TypeScript sources need ['--import', 'tsx']. */
  execArgv?: string[];
}

type Job = { id: number; input: ExtractInput; resolve: (a: ExtractedArticle) => void; reject: (e: Error) => void };

export class ExtractPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private nextId = 1;
  private closed = false;

  constructor(opts: ExtractPoolOptions = {}) {
    const size = Math.max(1, opts.size ?? availableParallelism() - 1);
    const url = new URL(import.meta.url.endsWith('.ts') ? './extract-worker.ts' : './extract-worker.js', import.meta.url);
    const execArgv = opts.execArgv ?? (import.meta.url.endsWith('.ts') ? ['--import', 'tsx'] : []);
    for (let i = 0; i < size; i++) this.spawn(url, execArgv);
  }

  private spawn(url: URL, execArgv: string[]): void {
    // Node 20 resolves a worker's entry before --import hooks run, so a .ts
    // entry is reached through a tiny bootstrap that imports it.
    const w = url.pathname.endsWith('.ts')
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((t) => { t.register(); return import(${JSON.stringify(url.href)}); });`,
          { eval: true, execArgv },
        )
      : new Worker(url, { execArgv });
    w.unref();
    w.on('message', (m: { id: number; ok: boolean; value?: ExtractedArticle; error?: string }) => {
      const job = this.running.get(w);
      this.running.delete(w);
      if (job) m.ok ? job.resolve(m.value!) : job.reject(new Error(m.error));
      this.idle.push(w);
      this.pump();
    });
    w.on('error', (err) => {
      // A crashed worker fails its job and is replaced; the pool keeps going.
      const job = this.running.get(w);
      this.running.delete(w);
      job?.reject(err);
      this.workers.splice(this.workers.indexOf(w), 1);
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
      w.postMessage({ id: job.id, input: job.input });
    }
  }

  /** Same contract as extractArticle, asynchronous. Bound: pass it around freely. */
  readonly extract = (input: ExtractInput): Promise<ExtractedArticle> => {
    if (this.closed) return Promise.reject(new Error('ExtractPool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, resolve, reject });
      this.pump();
    });
  };

  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.queue.splice(0)) j.reject(new Error('ExtractPool is closed'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
