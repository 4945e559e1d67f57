import pg from 'pg';
import type PgBoss from 'pg-boss';
import {
  changedStates, dueSourceIds, enqueueSources, ensureLandingSchema, formatMark, landedFetches, landedPosts, openQueue,
  parseMark, pruneLanded, publishSources, queueTiming, seedKnownUrls, unseededUnits, type Mark,
} from '@tdtt/jobs/queue';
import type { Database, Queryable } from '../db/connection';
import * as q from '../db/queries';
import type { DuckDbStore } from './store';

// The server's half of "beyond one machine": it publishes the sources to PostgreSQL, enqueues the
// due ones for the collectors, and — as the one writer of the DuckDB file — moves what they landed
// into it in batches, recording in the same DuckDB transaction how far it has moved (README, docs/scale.md).

const MARK_KEYS = { posts: 'queue.mark.posts', fetches: 'queue.mark.fetches', states: 'queue.mark.states' } as const;

export interface QueueBridge {
  /** Publishes the sources and enqueues those due; returns how many jobs were queued. */
  enqueueDue(now: Date): Promise<{ sources: number; queued: number }>;
  /** Moves everything landed so far into DuckDB. */
  load(now: Date): Promise<{ posts: number; inserted: number; fetches: number; states: number }>;
  close(): Promise<void>;
}

async function mark(db: Queryable, key: string): Promise<Mark> {
  return parseMark(await q.getSetting(db, key));
}

export async function openQueueBridge(db: Database, store: DuckDbStore, url: string, opts: { jobTimeoutSeconds?: number; batch?: number } = {}): Promise<QueueBridge> {
  const batch = opts.batch ?? 1000;
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', () => undefined); // a dropped idle connection is replaced on next use
  await ensureLandingSchema(pool);
  const boss: PgBoss = await openQueue(url, opts.jobTimeoutSeconds ? queueTiming(opts.jobTimeoutSeconds) : {});

  return {
    async enqueueDue(now) {
      const sources = await q.allSources(db);
      await publishSources(pool, sources.map((record) => ({ record, paused: false })));
      // Articles the one-machine collector already stored are known to the collectors too.
      for (const unitId of await unseededUnits(pool, [...new Set(sources.map((s) => s.unitId))])) {
        await seedKnownUrls(pool, unitId, [...(await q.knownUrls(db, unitId))]);
      }
      const queued = await enqueueSources(boss, await dueSourceIds(pool, now));
      return { sources: sources.length, queued };
    },

    async load(now) {
      const totals = { posts: 0, inserted: 0, fetches: 0, states: 0 };
      for (let after = await mark(db, MARK_KEYS.posts); ; ) {
        const rows = await landedPosts(pool, after, batch);
        if (!rows.length) break;
        after = rows[rows.length - 1]!.mark;
        const { inserted } = await store.savePosts(rows.map((r) => r.value), (tx) => q.setSetting(tx, MARK_KEYS.posts, formatMark(after)));
        totals.posts += rows.length;
        totals.inserted += inserted;
      }
      for (let after = await mark(db, MARK_KEYS.fetches); ; ) {
        const rows = await landedFetches(pool, after, batch);
        if (!rows.length) break;
        after = rows[rows.length - 1]!.mark;
        await db.transaction(async (tx) => {
          await q.recordFetches(tx, rows.map((r) => r.value));
          await q.setSetting(tx, MARK_KEYS.fetches, formatMark(after));
        });
        totals.fetches += rows.length;
      }
      for (let after = await mark(db, MARK_KEYS.states); ; ) {
        const rows = await changedStates(pool, after, batch);
        if (!rows.length) break;
        after = rows[rows.length - 1]!.mark;
        await db.transaction(async (tx) => {
          for (const r of rows) await q.updateSourceState(tx, r.value, now);
          await q.setSetting(tx, MARK_KEYS.states, formatMark(after));
        });
        totals.states += rows.length;
      }
      await pruneLanded(pool, await mark(db, MARK_KEYS.posts), await mark(db, MARK_KEYS.fetches));
      return totals;
    },

    async close() {
      await boss.stop({ graceful: false, wait: true, close: true }).catch(() => undefined);
      await pool.end();
    },
  };
}
