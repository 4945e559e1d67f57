// Reads go through a bounded pool: at most `size` read queries run at once (one per reader
// connection), the rest wait in a FIFO queue. Every running read holds DuckDB memory (hash tables,
// pinned blocks, its result until V8 collects it), so bounding them bounds DuckDB's working memory —
// an unbounded fan-out of 40 requests at once is what ran the buffer pool out (README "Memory").
// A request's read waits at most until its deadline and then fails with ReadBusyError, which the
// API answers 503 with Retry-After; reads outside a request (jobs) wait their turn without one.
import { AsyncLocalStorage } from 'node:async_hooks';

/** The pool is full and the queue did not move before the deadline: answer 503, try again later. */
export class ReadBusyError extends Error {
  constructor(readonly retryAfterSeconds: number, reason: string) {
    super(`reads busy: ${reason}`);
    this.name = 'ReadBusyError';
  }
}

interface Waiter<C> {
  resolve(conn: C): void;
  reject(err: Error): void;
  timer: ReturnType<typeof setTimeout> | null;
}

export interface ReadPoolOptions {
  /** Longest wait for a free connection from inside a request (ms). */
  queueTimeoutMs: number;
  /** Waiting reads beyond this are refused at once (a full queue would only time out). */
  maxQueue: number;
}

export const DEFAULT_READ_POOL: ReadPoolOptions = { queueTimeoutMs: 10_000, maxQueue: 400 };

/** Counters shown on /api/health. */
export interface ReadPoolStats {
  size: number;
  active: number;
  queued: number;
  /** Reads refused (queue full or deadline passed): answered 503. */
  busy: number;
}

/** Reads inside this context wait for a connection at most until `deadline` (performance.now() ms). */
const requestContext = new AsyncLocalStorage<{ deadline: number }>();

/** Runs fn (a request's handling) with a deadline on its reads' wait for a connection. */
export function withReadDeadline<T>(timeoutMs: number, fn: () => T): T {
  return requestContext.run({ deadline: performance.now() + timeoutMs }, fn);
}

/** Runs fn outside any request's deadline (a job a request started outlives the request). */
export function outsideRequest<T>(fn: () => T): T {
  return requestContext.exit(fn);
}

export class ReadPool<C> {
  private readonly free: C[];
  private readonly waiters: Waiter<C>[] = [];
  private busyCount = 0;

  constructor(private readonly conns: C[], private readonly opts: ReadPoolOptions = DEFAULT_READ_POOL) {
    if (conns.length === 0) throw new Error('ReadPool needs at least one connection');
    this.free = [...conns];
  }

  stats(): ReadPoolStats {
    return { size: this.conns.length, active: this.conns.length - this.free.length, queued: this.waiters.length, busy: this.busyCount };
  }

  /** Resolves once no read holds or waits for a connection (before the connections are closed). */
  async drained(): Promise<void> {
    while (this.free.length < this.conns.length || this.waiters.length > 0) await new Promise((r) => setTimeout(r, 50));
  }

  /** Runs fn with a connection of its own; waits in the queue when all are busy. */
  async use<T>(fn: (conn: C) => Promise<T>): Promise<T> {
    const conn = await this.acquire();
    try {
      return await fn(conn);
    } finally {
      this.release(conn);
    }
  }

  private acquire(): Promise<C> {
    const conn = this.free.pop();
    if (conn !== undefined) return Promise.resolve(conn);
    const retryAfter = Math.max(1, Math.ceil(this.opts.queueTimeoutMs / 1000 / 2));
    if (this.waiters.length >= this.opts.maxQueue) {
      this.busyCount++;
      return Promise.reject(new ReadBusyError(retryAfter, `queue full (${this.waiters.length})`));
    }
    const deadline = requestContext.getStore()?.deadline;
    return new Promise<C>((resolve, reject) => {
      const waiter: Waiter<C> = { resolve, reject, timer: null };
      if (deadline !== undefined) {
        waiter.timer = setTimeout(() => {
          const i = this.waiters.indexOf(waiter);
          if (i >= 0) this.waiters.splice(i, 1);
          this.busyCount++;
          reject(new ReadBusyError(retryAfter, 'deadline passed in the queue'));
        }, Math.max(0, deadline - performance.now()));
        waiter.timer.unref?.();
      }
      this.waiters.push(waiter);
    });
  }

  private release(conn: C): void {
    const next = this.waiters.shift();
    if (!next) {
      this.free.push(conn);
      return;
    }
    if (next.timer) clearTimeout(next.timer);
    next.resolve(conn);
  }
}
