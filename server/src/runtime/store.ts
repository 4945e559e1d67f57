import type { ClassifyStore, CollectStore, JobRunStore } from '@tdtt/jobs/ports';
import type { Database, Queryable } from '../db/connection';
import * as q from '../db/queries';
import { markRollupDirty } from './rollup';

/** The jobs' ports on DuckDB. New posts mark their days stale so the roll-up stays incremental. */
export class DuckDbStore implements CollectStore, ClassifyStore, JobRunStore {
  constructor(private readonly db: Database, private readonly now: () => Date = () => new Date()) {}

  knownUrls(unitId: string) {
    return q.knownUrls(this.db, unitId);
  }

  /** The stale mark commits with the posts (collections run concurrently: rollup.ts); so does `alsoInTx` (the queue loader's mark). */
  async savePosts(posts: Parameters<CollectStore['savePosts']>[0], alsoInTx?: (tx: Queryable) => Promise<void>) {
    const { inserted } = await this.db.transaction(async (tx) => {
      const result = await q.insertPosts(tx, posts);
      if (result.firstDay !== null) await markRollupDirty(tx, result.firstDay);
      await alsoInTx?.(tx);
      return result;
    });
    return { inserted, updated: 0 };
  }

  /** Fetch events are a log: buffered and written in batches (a row per statement would dominate a run). */
  private fetchLog: Parameters<CollectStore['recordFetch']>[0][] = [];

  async recordFetch(event: Parameters<CollectStore['recordFetch']>[0]) {
    this.fetchLog.push(event);
    if (this.fetchLog.length >= 500) await this.flushFetchLog();
  }

  async flushFetchLog(): Promise<void> {
    const batch = this.fetchLog;
    this.fetchLog = [];
    if (batch.length) await q.recordFetches(this.db, batch);
  }

  updateSourceState(update: Parameters<CollectStore['updateSourceState']>[0]) {
    return q.updateSourceState(this.db, update, this.now());
  }

  postsToClassify(modelVersion: string, afterId: number, limit: number) {
    return q.postsToClassify(this.db, modelVersion, afterId, limit);
  }

  countPostsToClassify(modelVersion: string) {
    return q.countPostsToClassify(this.db, modelVersion);
  }

  saveMatches(modelVersion: string, results: Parameters<ClassifyStore['saveMatches']>[1]) {
    return this.db.transaction((tx) => q.saveMatches(tx, modelVersion, results));
  }

  startRun(job: string) {
    return q.startRun(this.db, job, this.now());
  }

  progress(runId: number, done: number, total: number) {
    return q.progressRun(this.db, runId, done, total);
  }

  finishRun(runId: number, status: 'ok' | 'error', stats: Record<string, unknown>, error: string | null) {
    return q.finishRun(this.db, runId, status, stats, error, this.now());
  }
}
