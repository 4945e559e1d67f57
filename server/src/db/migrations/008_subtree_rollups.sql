-- Roll-ups of each unit's subtree (the unit and its accountable descendants), so that a page shows
-- one level of a large hierarchy (a parent and its children) by reading a few dozen rows instead of
-- every unit: with 5,000 units, turning every unit's figures into JSON alone would take longer than
-- the page may. Written by the roll-up job (runtime/rollup.ts), never on a page view.

-- Kept by recomputeHierarchy with units.depth and sort_path: a level of the tree reads them instead of
-- counting over every unit. (A table of its own: DuckDB 1.5 cannot replay an ALTER TABLE of units from
-- its write-ahead log.)
CREATE TABLE unit_tree (
  unit_id VARCHAR PRIMARY KEY,
  child_count INTEGER NOT NULL,
  subtree_size INTEGER NOT NULL
);
INSERT INTO unit_tree
SELECT u.id, (SELECT count(*) FROM units c WHERE c.parent_id = u.id),
  (SELECT count(*) FROM units d WHERE d.id = u.id OR starts_with(d.sort_path, u.sort_path || '/'))
FROM units u;

-- Per plan, unit and month: the subtree's mean score (README: a parent's score), its counts, the unit's
-- own score, and the subtree's matches per theme packed in one string: "k own repost covered_units …"
-- for the plan's k-th theme (plan order, 1-based), themes without matches left out. One string per row
-- because handing DuckDB values to JavaScript one by one costs more than the query.
CREATE TABLE subtree_scores (
  plan_id VARCHAR NOT NULL,
  unit_id VARCHAR NOT NULL,
  month DATE NOT NULL,
  score DOUBLE NOT NULL,
  units INTEGER NOT NULL,        -- accountable units in the subtree, the unit included
  post_count INTEGER NOT NULL,   -- their posts in the month
  full_units INTEGER NOT NULL,   -- units that covered every active theme
  silent_units INTEGER NOT NULL, -- units with no post in the month
  own_score DOUBLE NOT NULL,     -- the unit's own score, covered and active themes (as unit_scores)
  covered INTEGER NOT NULL,
  active INTEGER NOT NULL,
  cells VARCHAR NOT NULL
);

-- Per theme and unit (leaves too), over the theme's whole phase: matches of the subtree, how many
-- of its units covered the theme, first and last matching day. Kept in theme order, so one theme's
-- rows are a pruned read.
CREATE TABLE subtree_theme_totals (
  theme_id VARCHAR NOT NULL,
  unit_id VARCHAR NOT NULL,
  own INTEGER NOT NULL,
  repost INTEGER NOT NULL,
  covered_units INTEGER NOT NULL,
  first_day DATE,
  last_day DATE
);

-- Per theme, its strongest matches over the phase among all accountable units (what the theme page
-- shows to staff), in page order.
CREATE TABLE theme_top_posts (
  theme_id VARCHAR NOT NULL,
  rank INTEGER NOT NULL,
  post_id BIGINT NOT NULL,
  score DOUBLE NOT NULL
);

-- The roll-ups are written sorted, so DuckDB's zone maps prune their reads; these two ART indexes only
-- slowed every read of their tables (a month of coverage_monthly: 20 ms with the index, 2 ms without,
-- at 5,000 units) and took memory once loaded.
DROP INDEX IF EXISTS coverage_monthly_month;
DROP INDEX IF EXISTS unit_scores_plan_month;
