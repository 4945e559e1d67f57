-- The unit registry kept by the office (issue 15): what a unit is beyond its place in the tree.
-- Tables of their own rather than new columns of units: DuckDB 1.5 cannot replay an ALTER TABLE of
-- units from its write-ahead log (see 008).

-- Short code, the lead named in the office's sheet, and retirement (a unit retired from a day has no
-- figures after it; merged units point at their successor in unit_successions).
CREATE TABLE unit_registry (
  unit_id VARCHAR PRIMARY KEY,
  code VARCHAR,
  lead_username VARCHAR,
  lead_name VARCHAR,
  lead_email VARCHAR,
  retired_from DATE,
  updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- A merge: every predecessor stops on effective_from and the successor carries on from that day.
CREATE TABLE unit_successions (
  predecessor_id VARCHAR PRIMARY KEY,
  successor_id VARCHAR NOT NULL,
  effective_from DATE NOT NULL
);

-- The websites the sheet lists for a unit, and what the background discovery found there.
-- state: pending | found | nothing | failed
CREATE TABLE unit_websites (
  unit_id VARCHAR NOT NULL,
  url VARCHAR NOT NULL,
  state VARCHAR NOT NULL DEFAULT 'pending',
  message VARCHAR,
  source_count INTEGER NOT NULL DEFAULT 0,
  checked_at TIMESTAMP,
  PRIMARY KEY (unit_id, url)
);

-- Accounts created with a one-time password: the holder sets their own at first sign-in.
CREATE TABLE password_change_required (
  user_id VARCHAR PRIMARY KEY,
  since TIMESTAMP NOT NULL DEFAULT current_timestamp
);
