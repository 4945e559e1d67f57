import type { FetchEvent, ListingSelectors, SourceKind, SourceOverrides, SourceRecord, SourceStateUpdate } from '@tdtt/jobs/ports';
import { insertMany, utc, type Queryable } from '../connection';

export interface SourceInput {
  unitId: string;
  kind: SourceKind;
  url: string;
  listing?: ListingSelectors | null;
  overrides?: SourceOverrides | null;
}

/** Overrides with every field empty are no overrides: stored as NULL. */
function overridesJson(o: SourceOverrides | null | undefined): string | null {
  if (!o) return null;
  const kept = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== ''));
  return Object.keys(kept).length ? JSON.stringify(kept) : null;
}

export async function upsertSources(db: Queryable, sources: SourceInput[]): Promise<void> {
  for (const s of sources) {
    await db.run(
      `INSERT INTO sources (unit_id, kind, url, listing_json) VALUES ($1, $2, $3, $4)
       ON CONFLICT (url) DO UPDATE SET unit_id = excluded.unit_id, kind = excluded.kind, listing_json = excluded.listing_json`,
      [s.unitId, s.kind, s.url, s.listing ? JSON.stringify(s.listing) : null],
    );
  }
}

interface SourceDbRow {
  id: number;
  unit_id: string;
  kind: SourceKind;
  url: string;
  listing_json: string | null;
  overrides_json: string | null;
  etag: string | null;
  last_modified: string | null;
  last_content_hash: string | null;
  failure_score: number;
  publish_interval_ms: number | null;
}

function toRecord(r: SourceDbRow): SourceRecord {
  return {
    id: r.id,
    unitId: r.unit_id,
    kind: r.kind,
    url: r.url,
    listing: r.listing_json ? (JSON.parse(r.listing_json) as ListingSelectors) : null,
    overrides: r.overrides_json ? (JSON.parse(r.overrides_json) as SourceOverrides) : null,
    etag: r.etag,
    lastModified: r.last_modified,
    lastContentHash: r.last_content_hash,
    failureScore: r.failure_score,
    publishIntervalMs: r.publish_interval_ms,
  };
}

const RECORD_COLUMNS = 'id, unit_id, kind, url, listing_json, overrides_json, etag, last_modified, last_content_hash, failure_score, publish_interval_ms';

/** Sources due for polling (never polled, or next poll time reached), not paused. */
export async function dueSources(db: Queryable, now: Date): Promise<SourceRecord[]> {
  const rows = await db.all<SourceDbRow>(
    `SELECT ${RECORD_COLUMNS} FROM sources WHERE NOT paused AND (next_poll_at IS NULL OR next_poll_at <= $1::TIMESTAMP) ORDER BY id`,
    [utc(now)],
  );
  return rows.map(toRecord);
}

export async function allSources(db: Queryable): Promise<SourceRecord[]> {
  return (await db.all<SourceDbRow>(`SELECT ${RECORD_COLUMNS} FROM sources WHERE NOT paused ORDER BY id`)).map(toRecord);
}

export interface SourceHealthRow {
  id: number;
  unit_id: string;
  kind: string;
  url: string;
  paused: boolean;
  last_success_at: string | null;
  last_error: string | null;
  failure_score: number;
  next_poll_at: string | null;
}

export function sourcesOfUnits(db: Queryable, unitIds: string[]): Promise<SourceHealthRow[]> {
  return db.all<SourceHealthRow>(
    `SELECT id, unit_id, kind, url, paused, last_success_at, last_error, failure_score, next_poll_at
     FROM sources WHERE unit_id IN (SELECT unnest(from_json($1, '["VARCHAR"]'))) ORDER BY unit_id, id`,
    [JSON.stringify(unitIds)],
  );
}

export async function updateSourceState(db: Queryable, u: SourceStateUpdate, now: Date): Promise<void> {
  await db.run(
    `UPDATE sources SET
       etag = CASE WHEN $2 THEN $3 ELSE etag END,
       last_modified = CASE WHEN $2 THEN $4 ELSE last_modified END,
       last_content_hash = CASE WHEN $2 THEN coalesce($5, last_content_hash) ELSE last_content_hash END,
       last_success_at = CASE WHEN $2 THEN $6::TIMESTAMP ELSE last_success_at END,
       last_error = CASE WHEN $2 THEN NULL ELSE $7 END,
       last_error_kind = CASE WHEN $2 THEN NULL ELSE $10 END,
       failure_score = $8,
       next_poll_at = $9::TIMESTAMP,
       publish_interval_ms = coalesce($11, publish_interval_ms)
     WHERE id = $1`,
    [
      u.sourceId,
      u.ok,
      u.etag ?? null,
      u.lastModified ?? null,
      u.lastContentHash ?? null,
      utc(u.lastSuccessAt ?? u.at ?? now),
      u.error ?? null,
      u.failureScore,
      utc(u.nextPollAt),
      u.errorKind ?? null,
      u.publishIntervalMs == null ? null : Math.round(u.publishIntervalMs),
    ],
  );
}

export async function recordFetches(db: Queryable, events: FetchEvent[]): Promise<void> {
  await insertMany(
    db,
    'fetch_events',
    ['source_id', 'url', 'fetched_at', 'status', 'error_kind', 'message', 'duration_ms', 'bytes'],
    events.map((e) => [e.sourceId, e.url, utc(e.at), e.status, e.errorKind, e.message, Math.round(e.durationMs), e.bytes]),
    { casts: { fetched_at: 'TIMESTAMP' } },
  );
}

/** The demo world's sites listen on new ports at each start: its units' sources are replaced, not added. */
export async function replaceDemoSources(tx: Queryable, unitIds: string[], sources: SourceInput[]): Promise<void> {
  await tx.run(
    `DELETE FROM sources WHERE unit_id IN (SELECT unnest(from_json($1, '["VARCHAR"]'))) AND url NOT IN (SELECT unnest(from_json($2, '["VARCHAR"]')))`,
    [JSON.stringify(unitIds), JSON.stringify(sources.map((s) => s.url))],
  );
  await upsertSources(tx, sources);
}

export interface SourceAdminRow extends SourceHealthRow {
  listing_json: string | null;
  overrides_json: string | null;
  last_error_kind: string | null;
  created_at: string;
}

const ADMIN_COLUMNS = `id, unit_id, kind, url, paused, last_success_at, last_error, last_error_kind, failure_score, next_poll_at, listing_json, overrides_json, created_at`;

export function sourcesForAdmin(db: Queryable, unitIds: string[]): Promise<SourceAdminRow[]> {
  return db.all<SourceAdminRow>(
    `SELECT ${ADMIN_COLUMNS} FROM sources WHERE unit_id IN (SELECT unnest(from_json($1, '["VARCHAR"]'))) ORDER BY unit_id, id`,
    [JSON.stringify(unitIds)],
  );
}

export function getSource(db: Queryable, id: number): Promise<SourceAdminRow | null> {
  return db.one<SourceAdminRow>(`SELECT ${ADMIN_COLUMNS} FROM sources WHERE id = $1`, [id]);
}

export function sourceByUrl(db: Queryable, url: string): Promise<SourceAdminRow | null> {
  return db.one<SourceAdminRow>(`SELECT ${ADMIN_COLUMNS} FROM sources WHERE url = $1`, [url]);
}

/** Adds one source; the caller has checked the URL is new. Returns its id. */
export async function insertSource(db: Queryable, s: SourceInput): Promise<number> {
  const row = await db.one<{ id: number }>(
    `INSERT INTO sources (unit_id, kind, url, listing_json, overrides_json) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [s.unitId, s.kind, s.url, s.listing ? JSON.stringify(s.listing) : null, overridesJson(s.overrides)],
  );
  return row!.id;
}

/** An admin's listing selectors and overrides for a source; the next poll comes now, so they take effect at once. */
export async function updateSourceSettings(
  db: Queryable, id: number, s: { listing: ListingSelectors | null; overrides: SourceOverrides | null }, now: Date,
): Promise<void> {
  await db.run(
    `UPDATE sources SET listing_json = $2, overrides_json = $3, last_content_hash = NULL, next_poll_at = $4::TIMESTAMP WHERE id = $1`,
    [id, s.listing ? JSON.stringify(s.listing) : null, overridesJson(s.overrides), utc(now)],
  );
}

/** Pausing stops polling; resuming schedules a poll right away (backoff forgotten is not: failure score stays). */
export async function setSourcePaused(db: Queryable, id: number, paused: boolean, now: Date): Promise<void> {
  await db.run(
    `UPDATE sources SET paused = $2, next_poll_at = CASE WHEN $2 THEN next_poll_at ELSE $3::TIMESTAMP END WHERE id = $1`,
    [id, paused, utc(now)],
  );
}

export interface FetchEventRow {
  url: string;
  fetched_at: string;
  status: number | null;
  error_kind: string | null;
  message: string | null;
  duration_ms: number;
  bytes: number;
}

export function sourceEvents(db: Queryable, sourceId: number, limit = 100): Promise<FetchEventRow[]> {
  return db.all<FetchEventRow>(
    `SELECT url, fetched_at, status, error_kind, message, duration_ms, bytes FROM fetch_events WHERE source_id = $1 ORDER BY fetched_at DESC LIMIT $2`,
    [sourceId, limit],
  );
}
