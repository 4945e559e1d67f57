// Full-text index tables (migration 005): writes by the indexer, reads by the search service.
import { insertMany, type Queryable } from '../connection';
import { effectiveMatchesSql } from './matches';

export const SEARCH_FIELD = { title: 0, text: 1 } as const;

export interface PostToIndex {
  id: number;
  title: string;
  text: string;
}

/** Largest post id already in the index (0 when empty): the indexer continues after it. */
export async function searchWatermark(db: Queryable): Promise<number> {
  const row = await db.one<{ m: number | null }>(`SELECT max(post_id) AS m FROM search_docs`);
  return row?.m ?? 0;
}

/** Posts with afterId < id <= throughId (a range, not ORDER BY … LIMIT, which would sort every later post). */
export function postsToIndex(db: Queryable, afterId: number, throughId: number): Promise<PostToIndex[]> {
  return db.all<PostToIndex>(`SELECT id, title, text FROM posts WHERE id > $1 AND id <= $2 ORDER BY id`, [afterId, throughId]);
}

export async function maxPostId(db: Queryable): Promise<number> {
  return (await db.one<{ m: number | null }>(`SELECT max(id) AS m FROM posts`))?.m ?? 0;
}

export interface StagedLine {
  postId: number;
  field: number;
  line: string;
}

export async function stageLines(tx: Queryable, lines: StagedLine[]): Promise<void> {
  await insertMany(tx, 'search_staging', ['post_id', 'field', 'line'], lines.map((l) => [l.postId, l.field, l.line]), { chunk: 300 });
}

/** Staged lines → one posting per syllable and per adjacent pair of syllables, unordered. */
const EXPLODE_SQL = `
  WITH s AS (SELECT post_id, field, string_split(line, ' ') AS t FROM search_staging WHERE line <> ''),
  uni AS (SELECT post_id, field, unnest(t) AS w, generate_subscripts(t, 1) AS pos FROM s),
  bi AS (
    SELECT post_id, field, unnest(list_transform(range(1, len(t)), lambda i: t[i] || ' ' || t[i + 1])) AS w,
      unnest(range(1, len(t))) AS pos
    FROM s WHERE len(t) > 1
  )
  SELECT hash(w) AS term, post_id, field, pos FROM uni
  UNION ALL
  SELECT hash(w) AS term, post_id, field, pos FROM bi`;

/** Moves the staged lines into the postings (appended: a later rebuild sorts them) and records the docs. */
export async function flushStaging(tx: Queryable, docs: { postId: number; titleLen: number; textLen: number }[], into = 'search_postings'): Promise<void> {
  await tx.run(`INSERT INTO ${into} (term, post_id, field, pos) ${EXPLODE_SQL}`);
  await tx.run(`DELETE FROM search_staging`);
  await insertMany(tx, 'search_docs', ['post_id', 'title_len', 'text_len'], docs.map((d) => [d.postId, d.titleLen, d.textLen]), { chunk: 500 });
}

export async function clearSearchIndex(db: Queryable): Promise<void> {
  await db.run(`DELETE FROM search_postings`);
  await db.run(`DELETE FROM search_docs`);
  await db.run(`DELETE FROM search_staging`);
}

export async function searchPostingCount(db: Queryable): Promise<number> {
  return (await db.one<{ n: number }>(`SELECT count(*) AS n FROM search_postings`))?.n ?? 0;
}

/** The DuckDB version whose hash() built the index (terms are hashes: another version means a rebuild). */
export async function duckdbVersion(db: Queryable): Promise<string> {
  return (await db.one<{ v: string }>(`SELECT version() AS v`))?.v ?? '';
}

/** A scratch copy of the postings' shape, filled batch by batch during a rebuild. */
export async function createBuildTable(db: Queryable): Promise<void> {
  await db.run(`DROP TABLE IF EXISTS search_build`);
  await db.run(`CREATE TABLE search_build AS SELECT * FROM search_postings LIMIT 0`);
}

/** Copies the scratch postings in term order (in passes over term ranges, so each sort stays small). */
export async function moveBuildSorted(db: Queryable, passes: number): Promise<void> {
  const span = (1n << 64n) / BigInt(passes);
  for (let k = 0; k < passes; k++) {
    const lo = span * BigInt(k);
    const hi = k === passes - 1 ? null : span * BigInt(k + 1);
    await db.run(
      `INSERT INTO search_postings SELECT term, post_id, field, pos FROM search_build
       WHERE term >= $1::UBIGINT AND ($2::VARCHAR IS NULL OR term < $2::UBIGINT) ORDER BY term, post_id, field, pos`,
      [lo.toString(), hi === null ? null : hi.toString()],
    );
  }
  await db.run(`DROP TABLE search_build`);
}

/** Re-sorts the postings in place (appended increments end up in term order again). */
export async function resortPostings(db: Queryable, rowsPerPass: number): Promise<number> {
  await createBuildTable(db);
  await db.run(`INSERT INTO search_build SELECT * FROM search_postings`);
  await db.run(`DELETE FROM search_postings`);
  const rows = await buildRowCount(db);
  await moveBuildSorted(db, Math.max(1, Math.ceil(rows / rowsPerPass)));
  return rows;
}

export async function explodeStagingInto(db: Queryable, table: 'search_build' | 'search_postings'): Promise<void> {
  await db.run(`INSERT INTO ${table} (term, post_id, field, pos) ${EXPLODE_SQL}`);
  await db.run(`DELETE FROM search_staging`);
}

export async function buildRowCount(db: Queryable): Promise<number> {
  return (await db.one<{ n: number }>(`SELECT count(*) AS n FROM search_build`))?.n ?? 0;
}

// ---- reading ----

export interface SearchFilters {
  /** Units whose posts may be returned (null: all). */
  unitIds: string[] | null;
  themeId: string | null;
  modelVersion: string;
  from: string | null;
  to: string | null;
  kind: 'original' | 'repost' | null;
}

/** A query term (folded syllable or "a b" bigram) and its weight (idf, computed by the caller). */
export interface WeightedTerm {
  term: string;
  weight: number;
  /** Its number of postings (choosing the rarest term to narrow the others). */
  postings: number;
  /** Unigrams are required; bigrams only rank. */
  bigram: boolean;
}

export interface SearchHitRow {
  id: number;
  score: number;
  phrase: boolean;
  total: number;
  unit_id: string;
  unit_name: string;
  title: string;
  text: string;
  url: string;
  published_at: string;
  repost_of: number | null;
}

/** Number of index documents and, per term, its postings (title and text occurrences). */
export async function termFrequencies(db: Queryable, terms: string[]): Promise<{ docs: number; counts: number[] }> {
  const docs = (await db.one<{ n: number }>(`SELECT count(*) AS n FROM search_docs`))?.n ?? 0;
  if (terms.length === 0) return { docs, counts: [] };
  // One pruned count per term: an IN list here would read every row group.
  const sql = terms.map((_, i) => `SELECT ${i} AS i, count(*) AS n FROM search_postings WHERE term = hash($${i + 1})`).join(' UNION ALL ');
  const rows = await db.all<{ i: number; n: number }>(sql, terms);
  const counts = terms.map(() => 0);
  for (const r of rows) counts[r.i] = r.n;
  return { docs, counts };
}

/** Postings of a phrase: its bigrams at the right distance (every other one, plus the last), per post. */
function phraseSql(terms: string[], bind: (v: string) => string, alias: string): string {
  const grams = terms.slice(1).map((t, i) => `${terms[i]} ${t}`);
  const picks = grams.map((_, i) => i).filter((i) => i % 2 === 0 || i === grams.length - 1);
  const [first, ...rest] = picks as [number, ...number[]];
  const x = (i: number) => `${alias}${i}`;
  const joins = rest
    .map((i) => `JOIN search_postings ${x(i)} ON ${x(i)}.post_id = ${x(first)}.post_id AND ${x(i)}.field = ${x(first)}.field AND ${x(i)}.pos = ${x(first)}.pos + ${i - first} AND ${x(i)}.term = hash(${bind(grams[i]!)})`)
    .join(' ');
  return `SELECT DISTINCT ${x(first)}.post_id FROM search_postings ${x(first)} ${joins} WHERE ${x(first)}.term = hash(${bind(grams[first]!)})`;
}

const TITLE_WEIGHT = 2;
/** A term this much more common than the rarest required one is read only for the rarest one's posts. */
const SKEW = 4;

/**
 * One page of posts holding every query syllable, best first: those holding every adjacent pair
 * of the query (the phrase) first, then by a BM25-like score (idf per occurrence, title counts double,
 * query bigrams score too), then the newest; and the total count.
 * One pass: each term's postings carry its bit and weight, one aggregate per post adds them up.
 */
export async function searchPage(db: Queryable, terms: WeightedTerm[], phrases: string[][], f: SearchFilters, limit: number, offset: number): Promise<{ total: number; rows: SearchHitRow[] }> {
  const params: (string | number | null)[] = [];
  const bind = (v: string | number | null) => {
    params.push(v);
    return `$${params.length}`;
  };
  let required = 0n;
  let pairs = 0n;
  terms.forEach((t, i) => {
    if (t.bigram) pairs |= 1n << BigInt(i);
    else required |= 1n << BigInt(i);
  });
  const unigrams = terms.filter((t) => !t.bigram);
  const rarest = unigrams.reduce((a, b) => (b.postings < a.postings ? b : a), unigrams[0]!);
  const rare = `SELECT DISTINCT post_id FROM search_postings WHERE term = hash(${bind(rarest.term)})`;
  // One pruned scan per term (an IN list would read every row group); common terms only where the rarest occurs.
  const scans = terms
    .map((t, i) => {
      const narrow = t !== rarest && t.postings > rarest.postings * SKEW ? ' AND post_id IN (SELECT post_id FROM rare)' : '';
      return `SELECT post_id, ${i} AS i, ${bind(t.weight)}::DOUBLE * CASE WHEN field = 0 THEN ${TITLE_WEIGHT} ELSE 1 END AS s
        FROM search_postings WHERE term = hash(${bind(t.term)})${narrow}`;
    })
    .join(' UNION ALL ');
  const conds: string[] = [];
  if (f.unitIds) conds.push(`po.unit_id IN (SELECT unnest(from_json(${bind(JSON.stringify(f.unitIds))}, '["VARCHAR"]')))`);
  if (f.from) conds.push(`po.published_day >= ${bind(f.from)}::DATE`);
  if (f.to) conds.push(`po.published_day <= ${bind(f.to)}::DATE`);
  if (f.kind) conds.push(f.kind === 'original' ? 'po.repost_of IS NULL' : 'po.repost_of IS NOT NULL');
  if (f.themeId) conds.push(`po.id IN (SELECT post_id FROM ${effectiveMatchesSql(bind(f.modelVersion))} e WHERE e.theme_id = ${bind(f.themeId)})`);
  const phraseConds = phrases.map((ph, k) => `c.post_id IN (${phraseSql(ph, bind, `q${k}_`)})`);
  const filtered = conds.length
    ? `SELECT c.* FROM cand c JOIN posts po ON po.id = c.post_id WHERE ${[...conds, ...phraseConds].join(' AND ')}`
    : `SELECT c.* FROM cand c ${phraseConds.length ? `WHERE ${phraseConds.join(' AND ')}` : ''}`;
  const req = bind(required.toString());
  const pr = bind(pairs.toString());
  const sql = `
    WITH rare AS (${rare}),
    cand AS (
      -- Rounded: a parallel float sum differs in the last bits between runs, and pages must not shuffle.
      SELECT post_id, round(sum(s), 6) AS score, (bit_or(1::UBIGINT << i) & ${pr}::UBIGINT) = ${pr}::UBIGINT AND ${pr}::UBIGINT > 0 AS phrase
      FROM (${scans}) GROUP BY post_id
      HAVING (bit_or(1::UBIGINT << i) & ${req}::UBIGINT) = ${req}::UBIGINT
    ),
    filtered AS (${filtered})
    SELECT post_id, score, phrase, (SELECT count(*) FROM filtered) AS total FROM filtered
    ORDER BY phrase DESC, score DESC, post_id DESC LIMIT ${bind(limit)} OFFSET ${bind(offset)}`;
  const page = await db.all<{ post_id: number; score: number; phrase: boolean; total: number }>(sql, params);
  const total = page[0]?.total ?? (offset > 0 ? ((await searchPage(db, terms, phrases, f, limit, 0)).total) : 0);
  if (page.length === 0) return { total, rows: [] };
  const details = await db.all<Omit<SearchHitRow, 'score' | 'phrase' | 'total'>>(
    `SELECT po.id, po.unit_id, u.name AS unit_name, po.title, po.text, po.url, po.published_at, po.repost_of
     FROM posts po JOIN units u ON u.id = po.unit_id WHERE po.id IN (${page.map((_, i) => `$${i + 1}`).join(', ')})`,
    page.map((p) => p.post_id),
  );
  const byId = new Map(details.map((d) => [d.id, d]));
  return { total, rows: page.flatMap((p) => (byId.has(p.post_id) ? [{ ...byId.get(p.post_id)!, score: p.score, phrase: p.phrase, total }] : [])) };
}
