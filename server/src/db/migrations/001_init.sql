-- Units: a hierarchy (Tỉnh ủy → Đảng ủy Khối → Sở …). sort_path orders a subtree depth-first.
CREATE TABLE units (
  id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL DEFAULT 'unit',
  parent_id VARCHAR,
  sort_path VARCHAR NOT NULL DEFAULT '',
  depth INTEGER NOT NULL DEFAULT 0,
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE source_id_seq START 1;
-- Official sources of a unit: feed, sitemap, listing page or a single page.
CREATE TABLE sources (
  id INTEGER PRIMARY KEY DEFAULT nextval('source_id_seq'),
  unit_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  url VARCHAR NOT NULL UNIQUE,
  listing_json VARCHAR,
  paused BOOLEAN NOT NULL DEFAULT false,
  etag VARCHAR,
  last_modified VARCHAR,
  last_content_hash VARCHAR,
  last_success_at TIMESTAMP,
  last_error VARCHAR,
  last_error_kind VARCHAR,
  failure_score DOUBLE NOT NULL DEFAULT 0,
  publish_interval_ms BIGINT,
  next_poll_at TIMESTAMP,
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE fetch_events (
  source_id INTEGER NOT NULL,
  url VARCHAR NOT NULL,
  fetched_at TIMESTAMP NOT NULL,
  status INTEGER,
  error_kind VARCHAR,
  message VARCHAR,
  duration_ms INTEGER NOT NULL,
  bytes BIGINT NOT NULL
);

-- Plans keep their parsed form (parsed_json) and the source text; phases/themes/anniversaries are queryable rows.
CREATE TABLE plans (
  id VARCHAR PRIMARY KEY,
  code VARCHAR,
  title VARCHAR NOT NULL,
  issuer VARCHAR,
  issued_on DATE,
  parent_id VARCHAR,
  lineage VARCHAR NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  is_current BOOLEAN NOT NULL DEFAULT true,
  is_default BOOLEAN NOT NULL DEFAULT false,
  source_text VARCHAR NOT NULL,
  parsed_json VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE phases (
  id VARCHAR PRIMARY KEY,
  plan_id VARCHAR NOT NULL,
  ord INTEGER NOT NULL,
  label VARCHAR NOT NULL,
  starts_on DATE,
  ends_on DATE,
  flags_json VARCHAR NOT NULL DEFAULT '[]'
);

CREATE TABLE themes (
  id VARCHAR PRIMARY KEY,
  plan_id VARCHAR NOT NULL,
  phase_id VARCHAR NOT NULL,
  ord INTEGER NOT NULL,
  numbering VARCHAR,
  title VARCHAR NOT NULL,
  text VARCHAR NOT NULL,
  class VARCHAR,
  group_label VARCHAR,
  keyphrases_json VARCHAR NOT NULL DEFAULT '[]',
  negative_json VARCHAR NOT NULL DEFAULT '[]',
  weight DOUBLE, -- NULL: by class (core themes weigh double)
  min_matches INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE anniversaries (
  id VARCHAR PRIMARY KEY,
  plan_id VARCHAR NOT NULL,
  event VARCHAR NOT NULL,
  date VARCHAR NOT NULL,
  precision VARCHAR NOT NULL,
  years INTEGER,
  on_date DATE
);

CREATE TABLE plan_units (
  plan_id VARCHAR NOT NULL,
  unit_id VARCHAR NOT NULL,
  PRIMARY KEY (plan_id, unit_id)
);

CREATE SEQUENCE post_id_seq START 1;
-- Posts: published_at is UTC; published_day is the Vietnam (GMT+7) calendar day used by every roll-up.
CREATE TABLE posts (
  id BIGINT PRIMARY KEY DEFAULT nextval('post_id_seq'),
  unit_id VARCHAR NOT NULL,
  source_id INTEGER,
  origin VARCHAR NOT NULL DEFAULT 'collected',
  url VARCHAR NOT NULL,
  canonical_url VARCHAR NOT NULL UNIQUE,
  guid VARCHAR,
  title VARCHAR NOT NULL,
  text VARCHAR NOT NULL,
  html VARCHAR, -- sanitised main content, safe to display
  published_at TIMESTAMP NOT NULL,
  published_day DATE NOT NULL,
  first_seen_at TIMESTAMP NOT NULL,
  flags_json VARCHAR NOT NULL DEFAULT '[]',
  content_hash VARCHAR NOT NULL,
  simhash VARCHAR NOT NULL,
  repost_of BIGINT,
  submitted_by VARCHAR,
  review_state VARCHAR
);

-- Automatic matches, one row per post, theme and model version.
CREATE TABLE post_themes (
  post_id BIGINT NOT NULL,
  theme_id VARCHAR NOT NULL,
  model_version VARCHAR NOT NULL,
  score DOUBLE NOT NULL,
  evidence_json VARCHAR NOT NULL
);

-- Posts a model version has looked at (including those with no match), so classification resumes.
CREATE TABLE post_classified (
  post_id BIGINT NOT NULL,
  model_version VARCHAR NOT NULL,
  classified_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Staff decisions: never overwritten by an automatic run.
CREATE TABLE theme_decisions (
  post_id BIGINT NOT NULL,
  theme_id VARCHAR NOT NULL,
  accepted BOOLEAN NOT NULL,
  user_id VARCHAR NOT NULL,
  decided_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE settings (
  key VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);

-- Coverage roll-up per unit, theme and Vietnam calendar day; months and quarters aggregate it.
CREATE TABLE coverage_daily (
  unit_id VARCHAR NOT NULL,
  theme_id VARCHAR NOT NULL,
  day DATE NOT NULL,
  own INTEGER NOT NULL,
  repost INTEGER NOT NULL,
  submitted INTEGER NOT NULL
);

CREATE SEQUENCE job_run_id_seq START 1;
CREATE TABLE job_runs (
  id BIGINT PRIMARY KEY DEFAULT nextval('job_run_id_seq'),
  job VARCHAR NOT NULL,
  started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP,
  status VARCHAR NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  total INTEGER NOT NULL DEFAULT 0,
  stats_json VARCHAR NOT NULL DEFAULT '{}',
  error VARCHAR
);

CREATE TABLE users (
  id VARCHAR PRIMARY KEY,
  username VARCHAR NOT NULL UNIQUE,
  display_name VARCHAR NOT NULL,
  password_hash VARCHAR NOT NULL,
  role VARCHAR NOT NULL,
  unit_id VARCHAR,
  disabled BOOLEAN NOT NULL DEFAULT false,
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Monthly roll-up (first day of the month) and the unit scores computed from it per plan.
CREATE TABLE coverage_monthly (
  unit_id VARCHAR NOT NULL,
  theme_id VARCHAR NOT NULL,
  month DATE NOT NULL,
  own INTEGER NOT NULL,
  repost INTEGER NOT NULL,
  submitted INTEGER NOT NULL
);

CREATE TABLE unit_scores (
  plan_id VARCHAR NOT NULL,
  unit_id VARCHAR NOT NULL,
  month DATE NOT NULL,
  score DOUBLE NOT NULL,
  covered INTEGER NOT NULL,
  active INTEGER NOT NULL,
  post_count INTEGER NOT NULL
);

CREATE INDEX posts_unit_day ON posts (unit_id, published_day);
CREATE INDEX post_themes_post ON post_themes (post_id);
CREATE INDEX coverage_monthly_month ON coverage_monthly (month);
CREATE INDEX unit_scores_plan_month ON unit_scores (plan_id, month);
