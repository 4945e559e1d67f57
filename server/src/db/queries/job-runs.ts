import { utc, type Queryable } from '../connection';

export async function startRun(db: Queryable, job: string, now: Date): Promise<number> {
  const row = await db.one<{ id: number }>(`INSERT INTO job_runs (job, started_at, status) VALUES ($1, $2::TIMESTAMP, 'running') RETURNING id`, [job, utc(now)]);
  return row!.id;
}

export async function progressRun(db: Queryable, id: number, done: number, total: number): Promise<void> {
  await db.run(`UPDATE job_runs SET done = $2, total = $3 WHERE id = $1`, [id, done, total]);
}

export async function finishRun(db: Queryable, id: number, status: string, stats: Record<string, unknown>, error: string | null, now: Date): Promise<void> {
  await db.run(`UPDATE job_runs SET status = $2, stats_json = $3, error = $4, finished_at = $5::TIMESTAMP WHERE id = $1`, [id, status, JSON.stringify(stats), error, utc(now)]);
}

/** Runs left 'running' by a crash or kill: closed at start so none looks stuck. */
export async function closeAbandonedRuns(db: Queryable, now: Date): Promise<void> {
  await db.run(`UPDATE job_runs SET status = 'error', error = 'Bị gián đoạn (máy chủ dừng giữa chừng)', finished_at = $1::TIMESTAMP WHERE status = 'running'`, [utc(now)]);
}

export interface JobRunRow {
  id: number;
  job: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  done: number;
  total: number;
  stats_json: string;
  error: string | null;
}

export function recentRuns(db: Queryable, limit = 30): Promise<JobRunRow[]> {
  return db.all<JobRunRow>(`SELECT id, job, started_at, finished_at, status, done, total, stats_json, error FROM job_runs ORDER BY id DESC LIMIT $1`, [limit]);
}
