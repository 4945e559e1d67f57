// Full-text index tables (migration 007): writes by the indexer, reads by the search service.
// search_terms holds one row per (term, field, chunk of 65,536 post ids) with the set of posts as a
// container (server/src/search/containers.ts), kept sorted by term so a lookup's zone maps prune to
// one or two row groups; search_tail takes the increments until compaction merges them in.
import type { Database, Queryable } from '../connection';
import { effectiveMatchesSql } from './matches';

export const SEARCH_TERMS = 'search_terms';
export const SEARCH_TAIL = 'search_tail';
/** A rebuild's rows before they are sorted into search_terms (queries keep reading the old index meanwhile). */
export const SEARCH_BUILD = 'search_build';
const MERGED = 'search_merged';
const NEXT = 'search_terms_next';

/** DDL of a table of index rows (the shape of migration 007's tables). */
export function createTermsTableSql(name: string): string {
  return `CREATE TABLE ${name} (term UBIGINT NOT NULL, field UTINYINT NOT NULL, chunk INTEGER NOT NULL, n INTEGER NOT NULL, ids BLOB NOT NULL)`;
}

export async function recreateTable(db: Queryable, name: string): Promise<void> {
  await db.run(`DROP TABLE IF EXISTS ${name}`);
  await db.run(createTermsTableSql(name));
}

export async function maxPostId(db: Queryable): Promise<number> {
  return (await db.one<{ m: number | null }>(`SELECT max(id) AS m FROM posts`))?.m ?? 0;
}

/**
 * Posts with afterId < id <= throughId as one string (id \x01 title \x01 text, posts joined by \x02,
 * in id order): one value to convert instead of three per post, and cheap to hand to a worker.
 * The separators cannot occur inside (replaced by spaces, which the tokenizer skips alike).
 */
export async function packedPosts(db: Queryable, afterId: number, throughId: number): Promise<{ count: number; packed: string }> {
  const clean = (c: string) => `replace(replace(${c}, chr(1), ' '), chr(2), ' ')`;
  const row = await db.one<{ n: number; s: string | null }>(
    `SELECT count(*)::INTEGER AS n, string_agg(id::VARCHAR || chr(1) || ${clean('title')} || chr(1) || ${clean('text')}, chr(2) ORDER BY id) AS s
     FROM posts WHERE id > $1 AND id <= $2`,
    [afterId, throughId],
  );
  return { count: row?.n ?? 0, packed: row?.s ?? '' };
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Loads a CSV file of index rows (`hex(term),field,chunk,n,hex(ids)`, see search/builder.ts) into a table. */
export async function loadRowFile(db: Queryable, table: string, file: string): Promise<void> {
  await db.run(
    `INSERT INTO ${table} (term, field, chunk, n, ids)
     SELECT ('0x' || t)::UBIGINT, field, chunk, n, coalesce(unhex(b), ''::BLOB) -- a full chunk lacks no id: empty
     FROM read_csv(${sqlString(file)}, header = false, delim = ',', quote = '', escape = '', auto_detect = false,
       columns = {'t': 'VARCHAR', 'field': 'UTINYINT', 'chunk': 'INTEGER', 'n': 'INTEGER', 'b': 'VARCHAR'})`,
  );
}

export async function rowCount(db: Queryable, table: string): Promise<number> {
  return (await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0;
}

export interface ChunkRowStats {
  chunk: number;
  rows: number;
  keys: number;
}

/** Per chunk of a table: its rows and distinct (term, field) keys (more rows than keys: rows to merge). */
export function chunkRowStats(db: Queryable, table: string): Promise<ChunkRowStats[]> {
  return db.all<ChunkRowStats>(`SELECT chunk, count(*)::INTEGER AS rows, count(DISTINCT (term, field))::INTEGER AS keys FROM ${table} GROUP BY chunk ORDER BY chunk`);
}

/** Row counts per chunk of search_terms, for the given chunks (one scan). */
export async function termsRowsInChunks(db: Queryable, chunks: number[]): Promise<Map<number, number>> {
  if (chunks.length === 0) return new Map();
  const rows = await db.all<{ chunk: number; n: number }>(
    `SELECT chunk, count(*)::INTEGER AS n FROM ${SEARCH_TERMS} WHERE chunk IN (SELECT unnest(from_json($1, '["INTEGER"]'))) GROUP BY chunk`,
    [JSON.stringify(chunks)],
  );
  return new Map(rows.map((r) => [r.chunk, r.n]));
}

export interface StoredRow {
  /** The term key as decimal text (UBIGINT). */
  term: string;
  field: number;
  n: number;
  /** The container, base64. */
  b: string;
}

/** The rows of one chunk in the given tables with lo <= term <= hi, by term and field (for merging). */
export function chunkRows(db: Queryable, tables: string[], chunk: number, lo: bigint, hi: bigint): Promise<StoredRow[]> {
  const sql = tables.map((t) => `SELECT term, field, n, ids FROM ${t} WHERE chunk = $1 AND term BETWEEN $2::UBIGINT AND $3::UBIGINT`).join(' UNION ALL ');
  return db.all<StoredRow>(`SELECT term::VARCHAR AS term, field, n, to_base64(ids) AS b FROM (${sql}) ORDER BY term, field`, [chunk, lo.toString(), hi.toString()]);
}

/** [lo, hi] ranges (inclusive) splitting the UBIGINT terms into `parts` equal spans (hashes are uniform). */
export function termRanges(parts: number): [bigint, bigint][] {
  const span = (1n << 64n) / BigInt(parts);
  return Array.from({ length: parts }, (_, k) => {
    const lo = span * BigInt(k);
    return [lo, k === parts - 1 ? (1n << 64n) - 1n : lo + span - 1n];
  });
}

export async function createMergedTable(db: Queryable): Promise<string> {
  await recreateTable(db, MERGED);
  return MERGED;
}

/**
 * Writes search_terms anew in term order from `sources` (tables, each minus the chunks in `replaced`,
 * which the merged table holds instead), in passes over term ranges so each sort stays small; then,
 * in one transaction, swaps it in, empties the other sources and `alsoEmpty`, and runs `onSwap`.
 */
export async function writeSortedTerms(
  db: Database,
  opts: { sources: string[]; replaced: number[]; passes: number; alsoEmpty?: string[]; onSwap?: (tx: Queryable) => Promise<void> },
): Promise<void> {
  await recreateTable(db, NEXT);
  const union = [
    ...opts.sources.map((t) => `SELECT * FROM ${t} WHERE chunk NOT IN (SELECT unnest(from_json($3, '["INTEGER"]')))`),
    `SELECT * FROM ${MERGED}`,
  ].join(' UNION ALL ');
  for (const [lo, hi] of termRanges(opts.passes)) {
    await db.run(
      `INSERT INTO ${NEXT} SELECT term, field, chunk, n, ids FROM (${union})
       WHERE term BETWEEN $1::UBIGINT AND $2::UBIGINT ORDER BY term, field, chunk`,
      [lo.toString(), hi.toString(), JSON.stringify(opts.replaced)],
    );
  }
  await db.transaction(async (tx) => {
    await tx.run(`DROP TABLE ${SEARCH_TERMS}`);
    await tx.run(`ALTER TABLE ${NEXT} RENAME TO ${SEARCH_TERMS}`);
    // Emptied by creating them anew: frees their storage, and a table from an older layout gets today's.
    for (const t of new Set([...opts.sources, ...(opts.alsoEmpty ?? [])])) if (t !== SEARCH_TERMS) await recreateTable(tx, t);
    await tx.run(`DROP TABLE ${MERGED}`);
    await opts.onSwap?.(tx);
  });
}

// ---- reading ----

export interface PostingRow {
  /** Index of the term in the request. */
  i: number;
  field: number;
  chunk: number;
  n: number;
  /** The container, base64 (null where only counts were asked for). */
  b: string | null;
}

/** Rows by field and chunk: all listed parts hold (no part: every row). */
export interface RowFilter {
  fields?: readonly number[];
  chunks?: readonly number[];
  chunksFrom?: number;
}

export interface TermRead {
  /** The term key as UBIGINT text. */
  key: string;
  /** The rows wanted: those passing any filter (none given: all). */
  rows?: readonly RowFilter[];
  /** Which of them come with their container (the others bring counts only). */
  blobs: 'all' | readonly RowFilter[];
}

const ints = (xs: readonly number[]) => xs.map((x) => String(Math.trunc(x))).join(', ');

function rowCondition(filters: readonly RowFilter[]): string {
  if (filters.length === 0) return 'true';
  return filters
    .map((f) => {
      const parts = [
        f.fields ? (f.fields.length ? `field IN (${ints(f.fields)})` : 'false') : null,
        f.chunks ? (f.chunks.length ? `chunk IN (${ints(f.chunks)})` : 'false') : null,
        f.chunksFrom !== undefined ? `chunk >= ${Math.trunc(f.chunksFrom)}` : null,
      ].filter((p): p is string => p !== null);
      return parts.length ? `(${parts.join(' AND ')})` : 'true';
    })
    .join(' OR ');
}

/**
 * Rows of terms from the sorted table and, when it has rows, the tail. One pruned `term = …` per
 * term and table, joined by UNION ALL: an IN list of terms would read every row group.
 */
export function termRows(db: Queryable, reads: readonly TermRead[], withTail: boolean): Promise<PostingRow[]> {
  if (reads.length === 0) return Promise.resolve([]);
  const tables = withTail ? [SEARCH_TERMS, SEARCH_TAIL] : [SEARCH_TERMS];
  // Counts-only rows and rows with containers are separate branches: a container column mentioned
  // at all (even under CASE) makes DuckDB read the containers of every row.
  const sql = reads
    .flatMap((r, i) => {
      const where = `term = $${i + 1}::UBIGINT${r.rows ? ` AND (${rowCondition(r.rows)})` : ''}`;
      const withBlobs = r.blobs === 'all' ? where : `${where} AND (${rowCondition(r.blobs)})`;
      return tables.flatMap((t) => [
        `SELECT ${i} AS i, field, chunk, n, to_base64(ids) AS b FROM ${t} WHERE ${withBlobs}`,
        ...(r.blobs === 'all' ? [] : [`SELECT ${i} AS i, field, chunk, n, NULL::VARCHAR AS b FROM ${t} WHERE ${where} AND NOT (${rowCondition(r.blobs)})`]),
      ]);
    })
    .join(' UNION ALL ');
  return db.all<PostingRow>(sql, reads.map((r) => r.key));
}

/**
 * Unit, Vietnam publication day and repost flag of the posts with from <= id < to, as two strings:
 * `posts` = "unit,(id − from) · 65,536 + day;…" (day: days since 1970-01-01, clamped to 0 … 65,535) and
 * `reposts` = "id − from,…". One value each to convert: ~65 k rows as objects cost far more time and memory.
 */
export async function postAttributeRows(db: Queryable, from: number, to: number): Promise<{ posts: string; reposts: string }> {
  const row = await db.one<{ posts: string | null; reposts: string | null }>(
    `SELECT string_agg(unit_id || ',' || ((id - $1) * 65536 + least(greatest(published_day - DATE '1970-01-01', 0), 65535))::VARCHAR, ';') AS posts,
       string_agg((id - $1)::VARCHAR, ',') FILTER (WHERE repost_of IS NOT NULL) AS reposts
     FROM posts WHERE id >= $1 AND id < $2`,
    [from, to],
  );
  return { posts: row?.posts ?? '', reposts: row?.reposts ?? '' };
}

/** A theme's effectively matched posts under a model version: per chunk, the low ids as "a,b,…" (one string to convert). */
export function themePostChunks(db: Queryable, themeId: string, modelVersion: string): Promise<{ chunk: number; lows: string }[]> {
  return db.all<{ chunk: number; lows: string }>(
    `SELECT (post_id // 65536)::INTEGER AS chunk, string_agg((post_id % 65536)::VARCHAR, ',') AS lows
     FROM ${effectiveMatchesSql('$1')} e WHERE e.theme_id = $2 GROUP BY 1`,
    [modelVersion, themeId],
  );
}

/**
 * Title and text of a few posts (checking quoted phrases word by word): one primary-key lookup each,
 * joined by UNION ALL — a list of ids spread over the table would make DuckDB scan every post's text.
 */
export function postTexts(db: Queryable, ids: number[]): Promise<{ id: number; title: string; text: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.all<{ id: number; title: string; text: string }>(ids.map((_, i) => `SELECT id, title, text FROM posts WHERE id = $${i + 1}`).join(' UNION ALL '), ids);
}

export interface SearchHitRow {
  id: number;
  unit_id: string;
  unit_name: string;
  title: string;
  text: string;
  url: string;
  published_at: string;
  repost_of: number | null;
}

/**
 * What a result page shows of its posts. The posts are picked first (a semi-join DuckDB prunes by the
 * ids' range), then named: joined to units directly, the plan reads every post's text.
 */
export function searchHitRows(db: Queryable, ids: number[]): Promise<SearchHitRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.all<SearchHitRow>(
    `WITH p AS MATERIALIZED (
       SELECT id, unit_id, title, text, url, published_at, repost_of FROM posts WHERE id IN (SELECT unnest($1::BIGINT[]))
     )
     SELECT p.id, p.unit_id, u.name AS unit_name, p.title, p.text, p.url, p.published_at, p.repost_of FROM p JOIN units u ON u.id = p.unit_id`,
    [`[${ids.join(',')}]`],
  );
}
