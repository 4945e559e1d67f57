import type { Pool } from 'pg';
import type { CollectStore, CollectedPost, FetchEvent, SourceRecord, SourceStateUpdate } from '../ports';

// The collectors' side of the landing zone: the same CollectStore port collectSource uses on one
// machine, written to PostgreSQL so that any number of collector processes can share it.

/** A source as a collector should see it: the server's record with the newest collector state on top. */
export function withState(record: SourceRecord, state: SourceStateUpdate | null): SourceRecord {
  if (!state) return record;
  return {
    ...record,
    failureScore: state.failureScore,
    ...(state.ok
      ? { etag: state.etag ?? null, lastModified: state.lastModified ?? null, lastContentHash: state.lastContentHash ?? record.lastContentHash }
      : {}),
    publishIntervalMs: state.publishIntervalMs ?? record.publishIntervalMs ?? null,
  };
}

export class PgLandingStore implements CollectStore {
  constructor(private readonly pg: Pool) {}

  async source(id: number): Promise<SourceRecord | null> {
    const r = await this.pg.query<{ record: SourceRecord; state: SourceStateUpdate | null; paused: boolean }>(
      'SELECT record, state, paused FROM tdtt_sources WHERE id = $1',
      [id],
    );
    const row = r.rows[0];
    return row && !row.paused ? withState(row.record, row.state) : null;
  }

  async knownUrls(unitId: string): Promise<Set<string>> {
    const r = await this.pg.query<{ canonical_url: string }>('SELECT canonical_url FROM tdtt_known_urls WHERE unit_id = $1', [unitId]);
    return new Set(r.rows.map((x) => x.canonical_url));
  }

  /** Lands each canonical URL once, whoever collects it and however often: the unique key decides. */
  async savePosts(posts: CollectedPost[]): Promise<{ inserted: number; updated: number }> {
    if (!posts.length) return { inserted: 0, updated: 0 };
    const c = await this.pg.connect();
    try {
      await c.query('BEGIN');
      const known = await c.query<{ canonical_url: string }>(
        `INSERT INTO tdtt_known_urls (canonical_url, unit_id)
         SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING RETURNING canonical_url`,
        [posts.map((p) => p.canonicalUrl), posts.map((p) => p.unitId)],
      );
      const fresh = new Set(known.rows.map((r) => r.canonical_url));
      const rows = posts.filter((p) => fresh.delete(p.canonicalUrl));
      if (rows.length) {
        await c.query(
          `INSERT INTO tdtt_landed_posts (canonical_url, post)
           SELECT * FROM unnest($1::text[], $2::jsonb[]) ON CONFLICT (canonical_url) DO NOTHING`,
          [rows.map((p) => p.canonicalUrl), rows.map((p) => JSON.stringify(p))],
        );
      }
      await c.query('COMMIT');
      return { inserted: rows.length, updated: 0 };
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  private fetchLog: FetchEvent[] = [];

  /** Fetch events are a log: buffered, written in batches, flushed at the end of each source. */
  async recordFetch(event: FetchEvent): Promise<void> {
    this.fetchLog.push(event);
    if (this.fetchLog.length >= 200) await this.flushFetchLog();
  }

  async flushFetchLog(): Promise<void> {
    const batch = this.fetchLog;
    this.fetchLog = [];
    if (batch.length) {
      await this.pg.query('INSERT INTO tdtt_landed_fetches (event) SELECT * FROM unnest($1::jsonb[])', [batch.map((e) => JSON.stringify(e))]);
    }
  }

  async updateSourceState(update: SourceStateUpdate): Promise<void> {
    await this.flushFetchLog();
    await this.pg.query(
      `UPDATE tdtt_sources SET state = $2, next_poll_at = $3, state_xid = pg_current_xact_id(), state_seq = nextval('tdtt_state_seq') WHERE id = $1`,
      [update.sourceId, JSON.stringify(update), update.nextPollAt],
    );
  }
}
