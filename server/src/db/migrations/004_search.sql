-- Full-text search, built by us (DuckDB's fts extension is not available here). Terms are accent- and
-- case-folded syllables and syllable bigrams ("chuyen", "chuyen doi"), stored as hash(term);
-- one row per occurrence, kept sorted by term by a rebuild so a lookup reads few row groups.
CREATE TABLE search_postings (
  term UBIGINT NOT NULL,
  post_id BIGINT NOT NULL,
  field UTINYINT NOT NULL, -- 0 title, 1 text
  pos INTEGER NOT NULL -- 1-based syllable position within the field (phrases: consecutive positions)
);

-- Posts already indexed (new posts have larger ids) and their lengths in syllables, for ranking.
CREATE TABLE search_docs (
  post_id BIGINT NOT NULL,
  title_len INTEGER NOT NULL,
  text_len INTEGER NOT NULL
);

-- Folded text per post and field on its way into search_postings (empty between runs).
CREATE TABLE search_staging (
  post_id BIGINT NOT NULL,
  field UTINYINT NOT NULL,
  line VARCHAR NOT NULL
);
