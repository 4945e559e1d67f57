-- Acknowledged alerts, by the alert's stable key (alerts themselves are computed, never stored).
CREATE TABLE alert_acks (
  key VARCHAR PRIMARY KEY,
  user_id VARCHAR,
  username VARCHAR,
  acked_at TIMESTAMP NOT NULL
);
