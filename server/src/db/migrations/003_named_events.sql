-- Events plans name instead of dating ("Đại hội XIV", "ngày bầu cử …"), editable by administrators.
-- Empty until first saved: the built-in defaults apply until then (settings key named_events_saved).
CREATE TABLE named_events (
  key VARCHAR PRIMARY KEY,
  ord INTEGER NOT NULL,
  name VARCHAR NOT NULL,
  aliases_json VARCHAR NOT NULL DEFAULT '[]',
  date DATE NOT NULL,
  end_date DATE
);
