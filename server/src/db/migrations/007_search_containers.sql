-- Full-text index as compressed containers (replaces 004's one row per occurrence). Terms are folded
-- syllables and adjacent-syllable bigrams as a 64-bit hash of our own (server/src/search/hash.ts),
-- one row per (term, field, chunk of 65,536 post ids) holds the set of posts: a sorted Uint16 array
-- of the low 16 bits when n <= 4096, else an 8,192-byte bitmap. No positions, no frequencies.
DROP TABLE search_postings;
DROP TABLE search_docs;
DROP TABLE search_staging;

-- Sorted by term (rewritten by compaction and rebuilds), so a lookup reads one or two row groups.
CREATE TABLE search_terms (
  term UBIGINT NOT NULL,
  field UTINYINT NOT NULL, -- posts with the term in: 0 title and text, 1 text, 2 the title only
  chunk INTEGER NOT NULL, -- post id >> 16
  n INTEGER NOT NULL, -- posts in the container
  ids BLOB NOT NULL
);

-- Rows of posts indexed since the last compaction (appended unsorted; may repeat a key of search_terms).
CREATE TABLE search_tail (
  term UBIGINT NOT NULL,
  field UTINYINT NOT NULL,
  chunk INTEGER NOT NULL,
  n INTEGER NOT NULL,
  ids BLOB NOT NULL
);

-- The old index's state (DuckDB version, sorted postings) means nothing to the new one: index anew.
DELETE FROM settings WHERE key = 'search_index';
