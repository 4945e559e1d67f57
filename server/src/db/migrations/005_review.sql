-- A unit lead's request that staff look again at one post's theme (matched or missed).
CREATE SEQUENCE review_flag_id_seq START 1;
CREATE TABLE review_flags (
  id BIGINT PRIMARY KEY DEFAULT nextval('review_flag_id_seq'),
  post_id BIGINT NOT NULL,
  theme_id VARCHAR NOT NULL,
  note VARCHAR NOT NULL DEFAULT '',
  flagged_by VARCHAR NOT NULL,
  flagged_at TIMESTAMP NOT NULL,
  resolved_by VARCHAR,
  resolved_at TIMESTAMP,
  resolution VARCHAR
);

-- Models learned from staff decisions; the newest generation is the one the classifier uses.
CREATE TABLE classifier_models (
  version VARCHAR PRIMARY KEY,
  generation INTEGER NOT NULL,
  model_json VARCHAR NOT NULL,
  decisions INTEGER NOT NULL,
  trained_by VARCHAR,
  trained_at TIMESTAMP NOT NULL
);

-- What the posts row of a submitted link does not hold: when, whether the page could be fetched, who reviewed it.
CREATE TABLE submissions (
  post_id BIGINT PRIMARY KEY,
  submitted_at TIMESTAMP NOT NULL,
  fetched BOOLEAN NOT NULL,
  fetch_error VARCHAR,
  reviewed_by VARCHAR,
  reviewed_at TIMESTAMP,
  review_note VARCHAR
);
