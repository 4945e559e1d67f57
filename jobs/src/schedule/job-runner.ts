import type { JobRunStore } from '../ports';

export interface JobContext {
  runId: number;
  /** Report progress; persisted at most every `persistEveryMs`, always at the end. */
  progress(done: number, total: number): void;
}

export type JobFn = (ctx: JobContext) => Promise<Record<string, unknown>>;

export interface RunningJob {
  id: number;
  job: string;
  startedAt: string;
  done: number;
  total: number;
}

export class JobAlreadyRunning extends Error {
  constructor(readonly job: string) {
    super(`Công việc "${job}" đang chạy`);
  }
}

export class UnknownJob extends Error {
  constructor(readonly job: string) {
    super(`Không có công việc "${job}"`);
  }
}

/**
 * Runs named jobs, one run of a job at a time (never overlapping itself), recording each run with
 * its progress so the API can show it while it runs.
 */
export class JobRunner {
  private readonly jobs = new Map<string, JobFn>();
  private readonly running = new Map<string, RunningJob>();
  /** Settles when the job's latest run has ended (set as the run starts). */
  private readonly finished = new Map<string, Promise<void>>();

  constructor(
    private readonly store: JobRunStore,
    private readonly opts: {
      now?: () => Date;
      persistEveryMs?: number;
      onError?: (job: string, err: unknown) => void;
      /** Wraps every run (the server raises DuckDB's memory limit while jobs run). */
      around?: <T>(run: () => Promise<T>) => Promise<T>;
    } = {},
  ) {}

  register(name: string, fn: JobFn): void {
    this.jobs.set(name, fn);
  }

  names(): string[] {
    return [...this.jobs.keys()];
  }

  isRunning(name: string): boolean {
    return this.running.has(name);
  }

  runningJobs(): RunningJob[] {
    return [...this.running.values()].map((r) => ({ ...r }));
  }

  /** Starts a run and returns its id at once; `done` resolves when it ends. */
  async start(name: string): Promise<{ runId: number; done: Promise<Record<string, unknown>> }> {
    const fn = this.jobs.get(name);
    if (!fn) throw new UnknownJob(name);
    if (this.running.has(name)) throw new JobAlreadyRunning(name);
    const now = this.opts.now ?? (() => new Date());
    // Reserve the slot before the first await so two callers cannot both start.
    const entry: RunningJob = { id: 0, job: name, startedAt: now().toISOString(), done: 0, total: 0 };
    this.running.set(name, entry);
    // Waiters (run, runFresh, idle) wait for this run from now on: were they handed the previous,
    // settled run while this one is being recorded, runFresh would spin on it without ever letting
    // the recording's I/O finish.
    let settle!: () => void;
    this.finished.set(name, new Promise<void>((resolve) => (settle = resolve)));
    try {
      entry.id = await this.store.startRun(name);
    } catch (err) {
      this.running.delete(name);
      settle();
      throw err;
    }
    let lastPersist = 0;
    const every = this.opts.persistEveryMs ?? 1000;
    const ctx: JobContext = {
      runId: entry.id,
      progress: (done, total) => {
        entry.done = done;
        entry.total = total;
        const t = Date.now();
        if (t - lastPersist >= every) {
          lastPersist = t;
          void this.store.progress(entry.id, done, total).catch(() => undefined);
        }
      },
    };
    const done = (async () => {
      try {
        const stats = await (this.opts.around ? this.opts.around(() => fn(ctx)) : fn(ctx));
        await this.store.progress(entry.id, entry.done, entry.total);
        await this.store.finishRun(entry.id, 'ok', stats, null);
        return stats;
      } catch (err) {
        this.opts.onError?.(name, err);
        const message = err instanceof Error ? err.message : String(err);
        await this.store.finishRun(entry.id, 'error', {}, message).catch(() => undefined);
        throw err;
      } finally {
        this.running.delete(name);
      }
    })();
    done.then(settle, settle);
    return { runId: entry.id, done };
  }

  /** Runs to the end; a run already under way is awaited instead of starting another. */
  async run(name: string): Promise<Record<string, unknown> | null> {
    if (this.running.has(name)) {
      await this.finished.get(name);
      return null;
    }
    return (await this.start(name)).done;
  }

  /**
   * Runs to the end a run that starts from now on: one already under way read older data (before a
   * plan change, before new posts), so it is awaited first and then the job runs anew.
   */
  async runFresh(name: string): Promise<Record<string, unknown>> {
    for (;;) {
      if (this.running.has(name)) {
        await this.finished.get(name);
        continue;
      }
      let started: Awaited<ReturnType<JobRunner['start']>>;
      try {
        started = await this.start(name);
      } catch (err) {
        if (err instanceof JobAlreadyRunning) continue; // someone started it meanwhile: wait for that one
        throw err;
      }
      return started.done;
    }
  }

  /** Waits for every run under way (used at shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.finished.values()]);
  }
}
