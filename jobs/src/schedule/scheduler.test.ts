import { describe, expect, it } from 'vitest';
import type { JobRunStore } from '../ports';
import { JobRunner } from './job-runner';
import { Scheduler } from './scheduler';

const store: JobRunStore = { startRun: async () => 1, progress: async () => undefined, finishRun: async () => undefined };

describe('Scheduler', () => {
  it('runs a job on its cron tick, then the jobs chained after it', async () => {
    const runner = new JobRunner(store);
    const order: string[] = [];
    runner.register('collect', async () => (order.push('collect'), {}));
    runner.register('rollup', async () => (order.push('rollup'), {}));
    const scheduler = new Scheduler(runner);
    scheduler.add('collect', '* * * * * *', ['rollup']); // every second
    scheduler.start();
    expect(scheduler.status().jobs[0]?.nextRunAt).not.toBeNull();
    const deadline = Date.now() + 5000;
    while (order.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await scheduler.stop();
    expect(order.slice(0, 2)).toEqual(['collect', 'rollup']);
    expect(scheduler.status()).toMatchObject({ running: false, jobs: [{ name: 'collect', schedule: '* * * * * *' }] });
  });

  it('rejects an invalid cron expression with a clear message', () => {
    const scheduler = new Scheduler(new JobRunner(store));
    expect(() => scheduler.add('collect', 'every day')).toThrow(/Lịch chạy không hợp lệ/);
  });
});
