// Politeness: at most `perHost` requests in flight per host, starts at least
// `minDelayMs` apart per host, and at most `global` in flight overall.

/** What fetchResource needs of a limiter: the in-process HostLimiter, or one shared through PostgreSQL (jobs/src/queue). */
export interface RequestLimiter {
  run<T>(host: string, fn: () => Promise<T>): Promise<T>;
  /** Raise one host's delay (robots.txt Crawl-delay). */
  setHostDelay(host: string, ms: number): void;
}

export interface LimiterOptions {
  perHost?: number;
  minDelayMs?: number;
  global?: number;
}

interface HostState {
  active: number;
  lastStart: number;
  delayMs: number;
  waiters: Array<() => void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class Semaphore {
  private active = 0;
  private readonly waiters: Array<() => void> = [];
  constructor(private readonly max: number) {}
  async acquire(): Promise<void> {
    while (this.active >= this.max) await new Promise<void>((r) => this.waiters.push(r));
    this.active++;
  }
  release(): void {
    this.active--;
    this.waiters.shift()?.();
  }
}

export class HostLimiter implements RequestLimiter {
  readonly perHost: number;
  readonly minDelayMs: number;
  private readonly hosts = new Map<string, HostState>();
  private readonly globalSem: Semaphore;

  constructor(opts: LimiterOptions = {}) {
    this.perHost = Math.max(1, opts.perHost ?? 2);
    this.minDelayMs = Math.max(0, opts.minDelayMs ?? 250);
    this.globalSem = new Semaphore(Math.max(1, opts.global ?? 16));
  }

  /** Raise one host's delay (robots.txt Crawl-delay), capped at 30 s. */
  setHostDelay(host: string, ms: number): void {
    const s = this.state(host);
    s.delayMs = Math.max(this.minDelayMs, Math.min(ms, 30_000));
  }

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) this.hosts.set(host, (s = { active: 0, lastStart: 0, delayMs: this.minDelayMs, waiters: [] }));
    return s;
  }

  async run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    const s = this.state(host);
    for (;;) {
      if (s.active >= this.perHost) {
        await new Promise<void>((r) => s.waiters.push(r));
        continue;
      }
      const wait = s.lastStart + s.delayMs - Date.now();
      if (wait > 0) {
        await sleep(wait);
        continue;
      }
      break;
    }
    s.active++;
    s.lastStart = Date.now();
    try {
      await this.globalSem.acquire();
      try {
        return await fn();
      } finally {
        this.globalSem.release();
      }
    } finally {
      s.active--;
      s.waiters.shift()?.();
    }
  }
}
