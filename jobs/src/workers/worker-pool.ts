import { availableParallelism } from 'node:os';
import { parentPort, Worker, type ResourceLimits } from 'node:worker_threads';

// CPU-heavy steps (article extraction, classification) run in worker threads so the API stays
// responsive during a collection. One generic pool; each step names its worker module.

export interface WorkerPoolOptions {
  /** Worker count; default: cores − 1, at least 1. */
  size?: number;
  /** Node flags for workers; TypeScript sources need ['--import', 'tsx'] (the default under tsx). */
  execArgv?: string[];
  /** Passed once to every worker (e.g. the themes a classifier is built from). */
  workerData?: unknown;
  /** Used in errors: "<name> is closed". */
  name?: string;
  /**
   * Longest one task may run; past it the worker is terminated (a pathological input must not
   * hold a worker forever), the task fails with WorkerTaskTimeout and a fresh worker takes its place.
   * Default 5 minutes; each pool sets its own.
   */
  taskTimeoutMs?: number;
}

export const DEFAULT_TASK_TIMEOUT_MS = 5 * 60_000;

/** A task ran past its pool's taskTimeoutMs and its worker was terminated. */
export class WorkerTaskTimeout extends Error {
  override readonly name = 'WorkerTaskTimeout';
  constructor(readonly pool: string, readonly timeoutMs: number) {
    super(`Quá ${Math.round(timeoutMs / 1000)} giây xử lý (${pool}), đã dừng`);
  }
}

type Job<In, Out> = { id: number; input: In; resolve: (v: Out) => void; reject: (e: Error) => void; timer?: NodeJS.Timeout };
type Reply<Out> = { id: number; ok: boolean; value?: Out; error?: string };

/** The worker module beside `base` (an import.meta.url): `.ts` under tsx, `.js` when built. */
export function workerModule(name: string, base: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}

/**
 * A worker on `entry`. Node 20 resolves a worker's entry before --import hooks run, so a .ts
 * entry is reached through a tiny bootstrap that registers tsx and imports it.
 */
export function startWorker(entry: URL, opts: { execArgv?: string[]; workerData?: unknown; resourceLimits?: ResourceLimits } = {}): Worker {
  const ts = entry.pathname.endsWith('.ts');
  const execArgv = opts.execArgv ?? (ts ? ['--import', 'tsx'] : []);
  const o = { execArgv, workerData: opts.workerData, resourceLimits: opts.resourceLimits };
  return ts
    ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((t) => { t.register(); return import(${JSON.stringify(entry.href)}); });`, { ...o, eval: true })
    : new Worker(entry, o);
}

export class WorkerPool<In, Out> {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Job<In, Out>[] = [];
  private readonly running = new Map<Worker, Job<In, Out>>();
  private readonly execArgv: string[];
  private nextId = 1;
  private closed = false;

  constructor(private readonly entry: URL, private readonly opts: WorkerPoolOptions = {}) {
    this.execArgv = opts.execArgv ?? (entry.pathname.endsWith('.ts') ? ['--import', 'tsx'] : []);
    const size = Math.max(1, opts.size ?? availableParallelism() - 1);
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    const w = startWorker(this.entry, { execArgv: this.execArgv, workerData: this.opts.workerData });
    w.unref();
    w.on('message', (m: Reply<Out> | { ready: true }) => {
      if (!this.workers.includes(w)) return; // overran and replaced: its late answer is dropped
      // A worker takes work once its module has loaded, so start-up never counts against a task's time.
      if ('ready' in m) {
        this.idle.push(w);
        this.pump();
        return;
      }
      const job = this.running.get(w);
      this.running.delete(w);
      if (job?.timer) clearTimeout(job.timer);
      if (job && m.ok) job.resolve(m.value as Out);
      else if (job) job.reject(new Error(m.error));
      this.idle.push(w);
      this.pump();
    });
    w.on('error', (err) => {
      // A crashed worker fails its job and is replaced; the pool keeps going.
      const job = this.running.get(w);
      if (job?.timer) clearTimeout(job.timer);
      job?.reject(err);
      this.replace(w);
    });
    this.workers.push(w);
  }

  /** Drops a worker that crashed or overran, and starts another in its place. */
  private replace(w: Worker): void {
    this.running.delete(w);
    const k = this.workers.indexOf(w);
    if (k < 0) return; // already replaced
    this.workers.splice(k, 1);
    const i = this.idle.indexOf(w);
    if (i >= 0) this.idle.splice(i, 1);
    if (!this.closed) this.spawn();
    this.pump();
  }

  private pump(): void {
    const timeoutMs = this.opts.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS;
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.running.set(w, job);
      job.timer = setTimeout(() => {
        if (this.running.get(w) !== job) return;
        job.reject(new WorkerTaskTimeout(this.opts.name ?? 'WorkerPool', timeoutMs));
        this.replace(w);
        void w.terminate();
      }, timeoutMs);
      job.timer.unref();
      w.postMessage({ id: job.id, input: job.input });
    }
  }

  /** Runs one input on the next free worker. Bound: pass it around freely. */
  readonly run = (input: In): Promise<Out> => {
    if (this.closed) return Promise.reject(new Error(`${this.opts.name ?? 'WorkerPool'} is closed`));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, resolve, reject });
      this.pump();
    });
  };

  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.queue.splice(0)) j.reject(new Error(`${this.opts.name ?? 'WorkerPool'} is closed`));
    for (const j of this.running.values()) if (j.timer) clearTimeout(j.timer);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Worker side: answers each input with `fn(input)`, or the error's message. */
export function serveWorker<In, Out>(fn: (input: In) => Out): void {
  parentPort!.postMessage({ ready: true });
  parentPort!.on('message', (msg: { id: number; input: In }) => {
    try {
      parentPort!.postMessage({ id: msg.id, ok: true, value: fn(msg.input) });
    } catch (e) {
      parentPort!.postMessage({ id: msg.id, ok: false, error: (e as Error).message ?? String(e) });
    }
  });
}
