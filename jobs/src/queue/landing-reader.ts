import type { Pool } from 'pg';
import type { CollectedPost, FetchEvent, SourceRecord, SourceStateUpdate } from '../ports';

// The server's side of the landing zone: publishing the sources collectors may take, and reading
// back, in id order, what they landed. The server (the one DuckDB writer) tracks how far it has moved.

export interface PublishedSource {
  record: SourceRecord;
  paused: boolean;
}

/** Upserts the server's view of each source; the collectors' state column is left as they wrote it. */
export async function publishSources(pg: Pool, sources: PublishedSource[]): Promise<void> {
  for (let i = 0; i < sources.length; i += 1000) {
    const part = sources.slice(i, i + 1000);
    await pg.query(
      `INSERT INTO tdtt_sources (id, record, paused)
       SELECT * FROM unnest($1::int[], $2::jsonb[], $3::bool[])
       ON CONFLICT (id) DO UPDATE SET record = excluded.record, paused = excluded.paused`,
      [part.map((s) => s.record.id), part.map((s) => JSON.stringify(s.record)), part.map((s) => s.paused)],
    );
  }
  // Sources removed on the server are no longer collected.
  await pg.query('DELETE FROM tdtt_sources WHERE NOT (id = ANY($1::int[]))', [sources.map((s) => s.record.id)]);
}

/** Source ids whose next poll time (as the collectors last set it, else never polled) has come. */
export async function dueSourceIds(pg: Pool, now: Date): Promise<number[]> {
  const r = await pg.query<{ id: number }>(
    'SELECT id FROM tdtt_sources WHERE NOT paused AND (next_poll_at IS NULL OR next_poll_at <= $1) ORDER BY id',
    [now.toISOString()],
  );
  return r.rows.map((x) => x.id);
}

/** Units not yet seeded with the canonical URLs DuckDB already holds for them. */
export async function unseededUnits(pg: Pool, unitIds: string[]): Promise<string[]> {
  const r = await pg.query<{ unit_id: string }>(
    'SELECT u AS unit_id FROM unnest($1::text[]) u WHERE NOT EXISTS (SELECT 1 FROM tdtt_seeded_units s WHERE s.unit_id = u)',
    [unitIds],
  );
  return r.rows.map((x) => x.unit_id);
}

export async function seedKnownUrls(pg: Pool, unitId: string, urls: string[]): Promise<void> {
  for (let i = 0; i < urls.length; i += 5000) {
    const part = urls.slice(i, i + 5000);
    await pg.query(
      'INSERT INTO tdtt_known_urls (canonical_url, unit_id) SELECT u, $2 FROM unnest($1::text[]) u ON CONFLICT DO NOTHING',
      [part, unitId],
    );
  }
  await pg.query('INSERT INTO tdtt_seeded_units (unit_id) VALUES ($1) ON CONFLICT DO NOTHING', [unitId]);
}

/**
 * How far the loader has moved one kind of landed row: the (transaction id, row id) of the last
 * row moved. Transaction ids, not row ids alone, because rows commit out of id order.
 */
export interface Mark {
  xid: string;
  id: number;
}

export const START_MARK: Mark = { xid: '0', id: 0 };

export function formatMark(m: Mark): string {
  return `${m.xid}:${m.id}`;
}

export function parseMark(s: string | null): Mark {
  const m = s ? /^(\d+):(\d+)$/.exec(s) : null;
  return m ? { xid: m[1]!, id: Number(m[2]) } : START_MARK;
}

export interface Landed<T> {
  mark: Mark;
  value: T;
}

// Only rows of transactions older than every transaction still running: none of those can commit
// later below the mark.
const settled = (col: string) => `${col} < pg_snapshot_xmin(pg_current_snapshot())`;

// Output names differ from the columns: ORDER BY would otherwise sort by the text cast.
async function readAfter<T>(pg: Pool, sql: string, after: Mark, limit: number): Promise<Landed<T>[]> {
  const r = await pg.query<{ mark_xid: string; mark_id: string; value: T }>(sql, [after.xid, after.id, limit]);
  return r.rows.map((x) => ({ mark: { xid: x.mark_xid, id: Number(x.mark_id) }, value: x.value }));
}

/** Landed rows of one table (`column` holds the JSON) after the mark, in mark order. */
function landedAfter<T>(pg: Pool, table: 'tdtt_landed_posts' | 'tdtt_landed_fetches', column: 'post' | 'event', after: Mark, limit: number): Promise<Landed<T>[]> {
  return readAfter(
    pg,
    `SELECT xid::text AS mark_xid, id AS mark_id, ${column} AS value FROM ${table}
     WHERE ${settled('xid')} AND (xid, id) > ($1::text::xid8, $2) ORDER BY xid, id LIMIT $3`,
    after, limit,
  );
}

export function landedPosts(pg: Pool, after: Mark, limit: number): Promise<Landed<CollectedPost>[]> {
  return landedAfter(pg, 'tdtt_landed_posts', 'post', after, limit);
}

export function landedFetches(pg: Pool, after: Mark, limit: number): Promise<Landed<FetchEvent>[]> {
  return landedAfter(pg, 'tdtt_landed_fetches', 'event', after, limit);
}

/** Source states written after the mark, oldest first (each source once, with its newest state). */
export function changedStates(pg: Pool, after: Mark, limit: number): Promise<Landed<SourceStateUpdate>[]> {
  return readAfter(
    pg,
    `SELECT state_xid::text AS mark_xid, state_seq AS mark_id, state AS value FROM tdtt_sources
     WHERE state_xid IS NOT NULL AND ${settled('state_xid')} AND (state_xid, state_seq) > ($1::text::xid8, $2)
     ORDER BY state_xid, state_seq LIMIT $3`,
    after, limit,
  );
}

/** Rows the server has moved (and recorded as moved) are no longer needed in transit. */
export async function pruneLanded(pg: Pool, posts: Mark, fetches: Mark): Promise<void> {
  await pg.query('DELETE FROM tdtt_landed_posts WHERE (xid, id) <= ($1::text::xid8, $2)', [posts.xid, posts.id]);
  await pg.query('DELETE FROM tdtt_landed_fetches WHERE (xid, id) <= ($1::text::xid8, $2)', [fetches.xid, fetches.id]);
}
