-- Sign-in sessions: the id is the sha256 of the cookie token, so a copy of the database holds no live session.
CREATE TABLE sessions (
  id VARCHAR PRIMARY KEY,
  user_id VARCHAR NOT NULL,
  csrf_token VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  last_seen_at TIMESTAMP NOT NULL,
  expires_at TIMESTAMP NOT NULL,
  ip VARCHAR,
  user_agent VARCHAR
);

CREATE INDEX sessions_user ON sessions (user_id);

CREATE SEQUENCE audit_id_seq START 1;
-- Who did what, when and from where: sign-ins, failed sign-ins, user edits, exports, edits.
CREATE TABLE audit_log (
  id BIGINT PRIMARY KEY DEFAULT nextval('audit_id_seq'),
  occurred_at TIMESTAMP NOT NULL,
  user_id VARCHAR,
  username VARCHAR,
  action VARCHAR NOT NULL,
  target VARCHAR,
  ip VARCHAR,
  detail_json VARCHAR NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_log_occurred ON audit_log (occurred_at);

-- Failed sign-ins per key ('user:<name>' or 'ip:<address>'), for the sign-in rate limit.
CREATE TABLE sign_in_failures (
  key VARCHAR NOT NULL,
  failed_at TIMESTAMP NOT NULL
);

CREATE INDEX sign_in_failures_key ON sign_in_failures (key, failed_at);
