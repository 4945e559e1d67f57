import PgBoss from 'pg-boss';

// The work queue: one pg-boss job per "collect source S". The queue's policy is `stately`: at most
// one job queued and one running per source, so a source enqueued again while it waits or runs is
// not collected twice at once.

export const COLLECT_QUEUE = 'collect-source';

export interface CollectJobData {
  sourceId: number;
}

export interface QueueTiming {
  /** A job still active this long is taken for dead (its collector crashed) and retried by another. */
  expireInSeconds?: number;
  /** How often pg-boss looks for expired jobs. */
  maintenanceIntervalSeconds?: number;
  retryLimit?: number;
}

export const DEFAULT_QUEUE_TIMING: Required<QueueTiming> = { expireInSeconds: 15 * 60, maintenanceIntervalSeconds: 30, retryLimit: 3 };

/** A dead collector's jobs wait out the timeout, then at most a fifth of it (≤ 30 s) for maintenance to notice. */
export function queueTiming(jobTimeoutSeconds: number): QueueTiming {
  return { expireInSeconds: jobTimeoutSeconds, maintenanceIntervalSeconds: Math.max(1, Math.min(30, Math.floor(jobTimeoutSeconds / 5))) };
}

export async function openQueue(url: string, timing: QueueTiming = {}): Promise<PgBoss> {
  const t = { ...DEFAULT_QUEUE_TIMING, ...timing };
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    maintenanceIntervalSeconds: t.maintenanceIntervalSeconds,
    // Only collectors and the server use this schema; completed jobs are not kept long.
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 2,
    schedule: false,
  });
  boss.on('error', () => undefined); // transient connection errors: pg-boss retries its own loops
  await boss.start();
  await boss.createQueue(COLLECT_QUEUE, {
    name: COLLECT_QUEUE,
    policy: 'stately',
    expireInSeconds: t.expireInSeconds,
    retryLimit: t.retryLimit,
    retryDelay: 5,
    retryBackoff: true,
  }).catch(async (err: unknown) => {
    // A concurrent starter created it first.
    if (!(await boss.getQueue(COLLECT_QUEUE))) throw err;
  });
  return boss;
}

/** Enqueues the sources; a source already queued or running is skipped by the stately policy. Returns how many were queued. */
export async function enqueueSources(boss: PgBoss, sourceIds: number[]): Promise<number> {
  let queued = 0;
  for (let i = 0; i < sourceIds.length; i += 500) {
    const part = sourceIds.slice(i, i + 500);
    const ids = await Promise.all(part.map((sourceId) => boss.send(COLLECT_QUEUE, { sourceId } satisfies CollectJobData, { singletonKey: String(sourceId) })));
    queued += ids.filter(Boolean).length;
  }
  return queued;
}
