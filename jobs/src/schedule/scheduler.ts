import cron, { type ScheduledTask } from 'node-cron';
import type { JobRunner } from './job-runner';

export interface ScheduledJob {
  name: string;
  schedule: string;
  lastRunAt: string | null;
}

/** node-cron wiring: each job on its cron expression; a tick while the job still runs is skipped. */
export class Scheduler {
  private readonly tasks: { job: ScheduledJob; task: ScheduledTask }[] = [];
  private started = false;

  constructor(private readonly runner: JobRunner, private readonly opts: { timezone?: string; onError?: (job: string, err: unknown) => void } = {}) {}

  add(name: string, schedule: string, after: string[] = []): void {
    if (!cron.validate(schedule)) throw new Error(`Lịch chạy không hợp lệ cho "${name}": ${schedule}`);
    const job: ScheduledJob = { name, schedule, lastRunAt: null };
    const task = cron.createTask(
      schedule,
      async () => {
        if (this.runner.isRunning(name)) return;
        job.lastRunAt = new Date().toISOString();
        try {
          await this.runner.run(name);
          for (const next of after) await this.runner.run(next);
        } catch (err) {
          this.opts.onError?.(name, err);
        }
      },
      { timezone: this.opts.timezone ?? 'Asia/Ho_Chi_Minh', noOverlap: true, name },
    );
    this.tasks.push({ job, task });
  }

  start(): void {
    for (const t of this.tasks) void t.task.start();
    this.started = true;
  }

  async stop(): Promise<void> {
    for (const t of this.tasks) await t.task.stop();
    this.started = false;
  }

  status(): { running: boolean; jobs: (ScheduledJob & { nextRunAt: string | null })[] } {
    return {
      running: this.started,
      jobs: this.tasks.map(({ job, task }) => {
        let next: Date | null = null;
        try {
          next = this.started ? task.getNextRun() : null;
        } catch {
          next = null;
        }
        return { ...job, nextRunAt: next ? next.toISOString() : null };
      }),
    };
  }
}
