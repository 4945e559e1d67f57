import { describe, expect, it } from 'vitest';
import type { JobRunStore } from '../ports';
import { JobAlreadyRunning, JobRunner, UnknownJob } from './job-runner';

/** A recording double of the port (the DuckDB store is exercised by the server's integration tests). */
function recordingStore() {
  const runs: { id: number; job: string; status: string; done: number; total: number; stats: unknown; error: string | null }[] = [];
  const store: JobRunStore = {
    async startRun(job) {
      runs.push({ id: runs.length + 1, job, status: 'running', done: 0, total: 0, stats: null, error: null });
      return runs.length;
    },
    async progress(id, done, total) {
      Object.assign(runs[id - 1]!, { done, total });
    },
    async finishRun(id, status, stats, error) {
      Object.assign(runs[id - 1]!, { status, stats, error });
    },
  };
  return { store, runs };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('JobRunner', () => {
  it('runFresh waits, without spinning, for a run whose start is still being recorded', async () => {
    const { store } = recordingStore();
    // Recording a run start is I/O (a DuckDB write): it completes only if the event loop turns.
    const slowStore: JobRunStore = { ...store, startRun: (job) => new Promise((r) => setTimeout(r, 5)).then(() => store.startRun(job)) };
    const runner = new JobRunner(slowStore);
    let runs = 0;
    runner.register('rollup', async () => ({ n: ++runs }));
    await runner.run('rollup'); // a settled earlier run
    const first = runner.start('rollup');
    const fresh = runner.runFresh('rollup'); // arrives while the second run's start is being recorded
    await (await first).done;
    await expect(fresh).resolves.toEqual({ n: 3 });
  });

  it('runs every job inside `around`, also when it fails', async () => {
    const { store } = recordingStore();
    const log: string[] = [];
    const runner = new JobRunner(store, {
      around: async (run) => {
        log.push('raise');
        try {
          return await run();
        } finally {
          log.push('restore');
        }
      },
    });
    runner.register('ok', async () => {
      log.push('ok');
      return {};
    });
    runner.register('bad', async () => {
      log.push('bad');
      throw new Error('boom');
    });
    await runner.run('ok');
    await expect(runner.run('bad')).rejects.toThrow('boom');
    expect(log).toEqual(['raise', 'ok', 'restore', 'raise', 'bad', 'restore']);
  });

  it('records a run with its final progress and stats', async () => {
    const { store, runs } = recordingStore();
    const runner = new JobRunner(store);
    runner.register('collect', async (ctx) => {
      for (let i = 1; i <= 3; i++) ctx.progress(i, 3);
      return { posts: 7 };
    });
    await expect(runner.run('collect')).resolves.toEqual({ posts: 7 });
    expect(runs).toEqual([{ id: 1, job: 'collect', status: 'ok', done: 3, total: 3, stats: { posts: 7 }, error: null }]);
  });

  it('never overlaps a job with itself and shows progress while it runs', async () => {
    const { store } = recordingStore();
    const runner = new JobRunner(store);
    const gate = deferred();
    runner.register('collect', async (ctx) => {
      ctx.progress(1, 4);
      await gate.promise;
      return {};
    });
    const first = await runner.start('collect');
    await expect(runner.start('collect')).rejects.toBeInstanceOf(JobAlreadyRunning);
    expect(runner.runningJobs()).toMatchObject([{ job: 'collect', done: 1, total: 4 }]);
    // run() while running waits for the current run instead of starting another
    const waiting = runner.run('collect');
    gate.resolve();
    await first.done;
    await expect(waiting).resolves.toBeNull();
    expect(runner.isRunning('collect')).toBe(false);
  });

  it('runFresh waits for a run under way, then runs anew', async () => {
    const { store, runs } = recordingStore();
    const runner = new JobRunner(store);
    const gate = deferred();
    let calls = 0;
    runner.register('classify', async () => {
      calls++;
      if (calls === 1) await gate.promise;
      return { call: calls };
    });
    const first = await runner.start('classify');
    const fresh = runner.runFresh('classify');
    gate.resolve();
    await first.done;
    await expect(fresh).resolves.toEqual({ call: 2 });
    expect(runs.map((r) => r.status)).toEqual(['ok', 'ok']);
  });

  it('records a failure with its message and frees the slot', async () => {
    const { store, runs } = recordingStore();
    const errors: string[] = [];
    const runner = new JobRunner(store, { onError: (job) => errors.push(job) });
    runner.register('rollup', async () => {
      throw new Error('hỏng');
    });
    await expect(runner.run('rollup')).rejects.toThrow('hỏng');
    expect(runs[0]).toMatchObject({ status: 'error', error: 'hỏng' });
    expect(errors).toEqual(['rollup']);
    expect(runner.isRunning('rollup')).toBe(false);
  });

  it('refuses an unknown job', async () => {
    const runner = new JobRunner(recordingStore().store);
    await expect(runner.start('nope')).rejects.toBeInstanceOf(UnknownJob);
  });
});
