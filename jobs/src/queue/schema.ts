import type { Pool } from 'pg';

// The landing zone in PostgreSQL: what collectors on any machine write, and what the server's
// loader moves into DuckDB (the one writer of the analytical store). pg-boss keeps its own schema.

export const LANDING_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS tdtt_sources (
  id INTEGER PRIMARY KEY,
  -- SourceRecord as the server knows it (unit, kind, url, selectors, overrides)
  record JSONB NOT NULL,
  paused BOOLEAN NOT NULL DEFAULT FALSE,
  -- the last SourceStateUpdate a collector wrote (validators, failures, next poll): newer than the record's
  state JSONB,
  next_poll_at TIMESTAMPTZ,
  state_xid XID8,
  state_seq BIGINT
);
CREATE SEQUENCE IF NOT EXISTS tdtt_state_seq;
CREATE INDEX IF NOT EXISTS tdtt_sources_state_mark ON tdtt_sources (state_xid, state_seq);

-- Every canonical URL ever landed or already in DuckDB: what makes a post land exactly once.
CREATE TABLE IF NOT EXISTS tdtt_known_urls (
  canonical_url TEXT PRIMARY KEY,
  unit_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tdtt_known_urls_unit ON tdtt_known_urls (unit_id);
-- Units whose DuckDB URLs were copied into tdtt_known_urls (once per unit).
CREATE TABLE IF NOT EXISTS tdtt_seeded_units (unit_id TEXT PRIMARY KEY);

-- Landed rows carry the id of the transaction that wrote them: the loader reads in (xid, id) order
-- and only below the oldest transaction still running, so a row committed late is never skipped.
CREATE TABLE IF NOT EXISTS tdtt_landed_posts (
  id BIGSERIAL PRIMARY KEY,
  xid XID8 NOT NULL DEFAULT pg_current_xact_id(),
  canonical_url TEXT NOT NULL UNIQUE,
  post JSONB NOT NULL,
  landed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS tdtt_landed_posts_mark ON tdtt_landed_posts (xid, id);

CREATE TABLE IF NOT EXISTS tdtt_landed_fetches (
  id BIGSERIAL PRIMARY KEY,
  xid XID8 NOT NULL DEFAULT pg_current_xact_id(),
  event JSONB NOT NULL
);
CREATE INDEX IF NOT EXISTS tdtt_landed_fetches_mark ON tdtt_landed_fetches (xid, id);

-- Politeness across every collector: a row per host (its crawl delay and next allowed start) and a
-- lease per request in flight; a lease of a collector that died expires by itself.
CREATE TABLE IF NOT EXISTS tdtt_hosts (
  host TEXT PRIMARY KEY,
  delay_ms INTEGER NOT NULL DEFAULT 0,
  next_start_at TIMESTAMPTZ NOT NULL DEFAULT '-infinity'
);
CREATE TABLE IF NOT EXISTS tdtt_host_leases (
  host TEXT NOT NULL,
  slot INTEGER NOT NULL,
  holder TEXT NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (host, slot)
);

-- One request slot for p_host, or the wait: > 0 the slot taken, 0 every slot busy, < 0 minus the
-- milliseconds until the host's next start is allowed. One statement, so races are the database's.
CREATE OR REPLACE FUNCTION tdtt_acquire_host(p_host TEXT, p_slots INTEGER, p_holder TEXT, p_ttl_ms INTEGER, p_delay_ms INTEGER)
RETURNS INTEGER LANGUAGE plpgsql AS $fn$
DECLARE
  h tdtt_hosts%ROWTYPE;
  s INTEGER;
  t TIMESTAMPTZ := clock_timestamp();
BEGIN
  INSERT INTO tdtt_hosts (host) VALUES (p_host) ON CONFLICT DO NOTHING;
  SELECT * INTO h FROM tdtt_hosts WHERE host = p_host FOR UPDATE;
  IF h.next_start_at > t THEN
    RETURN -greatest(1, ceil(extract(epoch FROM h.next_start_at - t) * 1000))::INTEGER;
  END IF;
  SELECT g INTO s FROM generate_series(1, p_slots) g
   WHERE NOT EXISTS (SELECT 1 FROM tdtt_host_leases l WHERE l.host = p_host AND l.slot = g AND l.expires_at > t)
   ORDER BY g LIMIT 1;
  IF s IS NULL THEN
    RETURN 0;
  END IF;
  INSERT INTO tdtt_host_leases (host, slot, holder, expires_at) VALUES (p_host, s, p_holder, t + p_ttl_ms * INTERVAL '1 millisecond')
    ON CONFLICT (host, slot) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at;
  UPDATE tdtt_hosts SET next_start_at = t + greatest(p_delay_ms, delay_ms) * INTERVAL '1 millisecond' WHERE host = p_host;
  RETURN s;
END
$fn$;
`;

/** Creates the landing tables (idempotent). An advisory lock keeps concurrent starters from racing on DDL. */
export async function ensureLandingSchema(pg: Pool): Promise<void> {
  const c = await pg.connect();
  try {
    await c.query('SELECT pg_advisory_lock(727001)');
    await c.query(LANDING_SCHEMA_SQL);
  } finally {
    await c.query('SELECT pg_advisory_unlock(727001)').catch(() => undefined);
    c.release();
  }
}
