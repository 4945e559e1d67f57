// Keeps the full-text index in step with the posts: incremental after each collection (rows appended
// to search_tail), compaction (tail merged into search_terms, rewritten in term order), full rebuild.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import type { Database, Queryable } from '../db/connection';
import * as q from '../db/queries';
import { postAttributes } from './attributes';
import { writeRowFile, type RowFile } from './builder';
import { CHUNK_SIZE, chunkOf, decode, union, type Container } from './containers';
import { IndexPool, localLane, type IndexLane } from './pool';

const SETTING = 'search_index';
/** Bumped when rows change meaning: an index of another format is rebuilt. */
const FORMAT = 3;

/** Recorded in settings: every post with id <= through is indexed; docs of them (for idf); rows in the tail. */
export interface IndexState {
  format: typeof FORMAT;
  through: number;
  docs: number;
  tail: number;
}

// The state as last read or written by this process (one server owns the file): a search skips the read.
const known = new WeakMap<Queryable, IndexState>();

export async function readIndexState(db: Queryable): Promise<IndexState | null> {
  const cached = known.get(db);
  if (cached) return cached;
  const raw = await q.getSetting(db, SETTING);
  const s = raw ? (JSON.parse(raw) as Partial<IndexState>) : null;
  if (s?.format !== FORMAT) return null;
  known.set(db, s as IndexState);
  return s as IndexState;
}

/** Writes the state (in `tx` when given, which the caller commits); remembered once `commit()` is called. */
function stateWriter(db: Database, s: Omit<IndexState, 'format'>): { write: (tx: Queryable) => Promise<void>; commit: () => void } {
  const state: IndexState = { format: FORMAT, ...s };
  return {
    write: (tx) => q.setSetting(tx, SETTING, JSON.stringify(state)),
    commit: () => void known.set(db, state),
  };
}

async function writeIndexState(db: Database, s: Omit<IndexState, 'format'>): Promise<void> {
  const w = stateWriter(db, s);
  await w.write(db);
  w.commit();
}

// One index writer at a time per database (a collection and a rebuild must not interleave).
const running = new WeakMap<Database, Promise<unknown>>();
function exclusive<T>(db: Database, fn: () => Promise<T>): Promise<T> {
  const prev = running.get(db) ?? Promise.resolve();
  const next = prev.then(fn, fn);
  running.set(db, next.catch(() => undefined));
  return next;
}

/** Posts read per query (one packed string each). */
const READ_BATCH = 16_384;
/** Above this many posts to index, tokenising goes to worker threads. */
const PARALLEL_ABOVE = 50_000;
/** Rows sorted per pass when search_terms is rewritten (bounds the sort's memory). */
const ROWS_PER_PASS = 4_000_000;
/** Rows read into JS at once when merging a chunk's rows. */
const MERGE_ROWS = 200_000;

interface BuildOptions {
  batch?: number;
  workers?: number;
  maxPostings?: number;
  onProgress?: (done: number) => void;
}

/**
 * Tokenises the posts with after < id <= through into row files, a chunk per lane at a time
 * (lanes take turns by chunk), and hands each file to `sink` once written. Returns the posts seen.
 */
async function buildRange(db: Database, dir: string, after: number, through: number, sink: (files: RowFile[]) => Promise<void>, opts: BuildOptions): Promise<number> {
  const batch = opts.batch ?? READ_BATCH;
  const pool = opts.workers ? new IndexPool(opts.workers) : null;
  const lanes: IndexLane[] = pool ? Array.from({ length: pool.size }, (_, k) => pool.lane(k, dir, opts.maxPostings)) : [localLane(dir, opts.maxPostings)];
  let done = 0;
  // Files reach DuckDB one at a time, in the order the lanes finish them; the lanes do not wait.
  let sinking = Promise.resolve();
  const sinkFailure: { error?: unknown; failed: boolean } = { failed: false };
  const toSink = (files: RowFile[]) => {
    if (sinkFailure.failed) throw sinkFailure.error;
    if (files.length)
      sinking = sinking
        .then(() => sink(files))
        .catch((error: unknown) => {
          if (!sinkFailure.failed) Object.assign(sinkFailure, { failed: true, error });
        });
  };
  try {
    const first = chunkOf(after + 1);
    const last = chunkOf(through);
    await Promise.all(
      lanes.map(async (lane, k) => {
        for (let c = first + k; c <= last; c += lanes.length) {
          const lo = Math.max(after, c * CHUNK_SIZE - 1);
          const hi = Math.min(through, (c + 1) * CHUNK_SIZE - 1);
          // The next batch is read while the lane tokenises this one.
          const read = (from: number) => {
            const p = q.packedPosts(db, from, Math.min(from + batch, hi));
            p.catch(() => undefined); // awaited below; this only keeps an abandoned read from going unhandled
            return p;
          };
          let next = read(lo);
          for (let a = lo; a < hi; a += batch) {
            const { count, packed } = await next;
            if (a + batch < hi) next = read(a + batch);
            if (count === 0) continue;
            toSink(await lane.add(packed));
            done += count;
            opts.onProgress?.(done);
          }
          toSink(await lane.finish());
        }
      }),
    );
    await sinking;
    if (sinkFailure.failed) throw sinkFailure.error;
    return done;
  } finally {
    await pool?.close();
  }
}

/** Runs fn with a fresh temporary folder (row files), removed afterwards. */
async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tdtt-search-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function workersFor(posts: number, opts: BuildOptions): number {
  if (opts.workers !== undefined) return opts.workers;
  return posts > PARALLEL_ABOVE ? Math.max(1, Math.min(2, availableParallelism())) : 0;
}

export interface IndexStats {
  indexed: number;
  rebuilt: boolean;
  compacted?: boolean;
}

/** Indexes the posts stored since the last run (posts are append-only: ids only grow). */
export function indexNewPosts(db: Database): Promise<IndexStats> {
  return exclusive(db, async () => {
    const state = await readIndexState(db);
    const last = await q.maxPostId(db);
    if (state === null) {
      if (last > 0) return { indexed: await rebuildUnlocked(db, {}), rebuilt: true };
      await writeIndexState(db, { through: 0, docs: 0, tail: 0 });
      return { indexed: 0, rebuilt: false };
    }
    if (last <= state.through) return { indexed: 0, rebuilt: false };
    const indexed = await withTempDir(async (dir) => {
      const files: RowFile[] = [];
      const n = await buildRange(db, dir, state.through, last, async (f) => void files.push(...f), { workers: workersFor(last - state.through, {}) });
      const next = stateWriter(db, { through: last, docs: state.docs + n, tail: state.tail + files.reduce((sum, f) => sum + f.rows, 0) });
      // Rows and the watermark together: a crash leaves neither.
      await db.transaction(async (tx) => {
        for (const f of files) await q.loadRowFile(tx, q.SEARCH_TAIL, f.file);
        await next.write(tx);
      });
      next.commit();
      return n;
    });
    const attrs = postAttributes(db);
    if (attrs.loadedThrough > 0) await attrs.ensure(db, last);
    const compacted = await compactWhenLarge(db);
    return { indexed, rebuilt: false, compacted };
  });
}

// Tail rows are read by every lookup (they are not in term order): merged in once they are many.
const TAIL_MIN = 100_000;
const TAIL_MAX = 1_000_000;

async function compactWhenLarge(db: Database): Promise<boolean> {
  const tail = await q.rowCount(db, q.SEARCH_TAIL);
  if (tail <= TAIL_MAX && tail <= Math.max(TAIL_MIN, (await q.rowCount(db, q.SEARCH_TERMS)) / 4)) return false;
  await compactUnlocked(db, {});
  return true;
}

export interface CompactOptions {
  /** Rows sorted per pass. */
  rowsPerPass?: number;
}

/** Merges the tail into search_terms (one row per term, field and chunk again, in term order). */
export function compactSearchIndex(db: Database, opts: CompactOptions = {}): Promise<void> {
  return exclusive(db, () => compactUnlocked(db, opts));
}

async function compactUnlocked(db: Database, opts: CompactOptions): Promise<void> {
  const state = await readIndexState(db);
  if (!state || (await q.rowCount(db, q.SEARCH_TAIL)) === 0) return;
  const next = stateWriter(db, { ...state, tail: 0 });
  await sortIn(db, { appended: q.SEARCH_TAIL, base: true, rowsPerPass: opts.rowsPerPass, onSwap: next.write });
  next.commit();
  await db.run('CHECKPOINT');
}

/**
 * Rewrites search_terms in term order from the rows of `appended` (plus, with `base`, the current
 * search_terms). Chunks whose rows repeat a (term, field) — partial rows, or a chunk both in the tail
 * and in search_terms — go through JS and come out merged: one container per key.
 */
async function sortIn(db: Database, o: { appended: string; base: boolean; rowsPerPass?: number; alsoEmpty?: string[]; onSwap?: (tx: Queryable) => Promise<void> }): Promise<void> {
  const stats = await q.chunkRowStats(db, o.appended);
  const inBase = o.base ? await q.termsRowsInChunks(db, stats.map((s) => s.chunk)) : new Map<number, number>();
  const merge = stats.filter((s) => s.rows > s.keys || inBase.has(s.chunk));
  const merged = await q.createMergedTable(db);
  await withTempDir(async (dir) => {
    for (const s of merge) {
      const tables = inBase.has(s.chunk) ? [q.SEARCH_TERMS, o.appended] : [o.appended];
      const parts = Math.max(1, Math.ceil((s.rows + (inBase.get(s.chunk) ?? 0)) / MERGE_ROWS));
      for (const [lo, hi] of q.termRanges(parts)) {
        const file = path.join(dir, `m${s.chunk}-${lo}.csv`);
        writeRowFile(file, mergeRows(s.chunk, await q.chunkRows(db, tables, s.chunk, lo, hi)));
        await q.loadRowFile(db, merged, file);
        rmSync(file, { force: true });
      }
    }
  });
  const rows = (o.base ? await q.rowCount(db, q.SEARCH_TERMS) : 0) + (await q.rowCount(db, o.appended));
  await q.writeSortedTerms(db, {
    sources: o.base ? [q.SEARCH_TERMS, o.appended] : [o.appended],
    replaced: merge.map((s) => s.chunk),
    passes: Math.max(1, Math.ceil(rows / (o.rowsPerPass ?? ROWS_PER_PASS))),
    alsoEmpty: o.alsoEmpty,
    onSwap: o.onSwap,
  });
}

/** Rows sorted by term and field → one row per (term, field): the union of their containers. */
function* mergeRows(chunk: number, rows: q.StoredRow[]): Generator<{ term: bigint; field: number; chunk: number; set: Container }> {
  for (let i = 0; i < rows.length; ) {
    const r = rows[i]!;
    let set = decode(Buffer.from(r.b, 'base64'), r.n);
    let j = i + 1;
    for (; j < rows.length && rows[j]!.term === r.term && rows[j]!.field === r.field; j++) set = union(set, decode(Buffer.from(rows[j]!.b, 'base64'), rows[j]!.n));
    yield { term: BigInt(r.term), field: r.field, chunk, set };
    i = j;
  }
}

// Searches that find no index start one (the collection that normally builds it may be far off).
const kicked = new WeakSet<Database>();
export function indexInBackground(db: Database): void {
  if (kicked.has(db)) return;
  kicked.add(db);
  // Best effort: a failure is left for the next collection's indexing to report. A whole index is
  // job-sized work: it gets the jobs' memory limit.
  db.withJobMemory(() => indexNewPosts(db))
    .catch(() => undefined)
    .finally(() => kicked.delete(db));
}

export interface RebuildOptions {
  /** Posts read per query. */
  batch?: number;
  /** Rows sorted per pass (bounds the sort's memory). */
  rowsPerPass?: number;
  /** Worker threads tokenising (default: none for small databases, else up to 2). */
  workers?: number;
  /** Postings a builder holds before writing partial rows (tests force merges with a small value). */
  maxPostings?: number;
  onProgress?: (done: number) => void;
}

/** Builds the whole index anew beside the current one (which keeps answering), then swaps it in. */
export function rebuildSearchIndex(db: Database, opts: RebuildOptions = {}): Promise<number> {
  return exclusive(db, () => rebuildUnlocked(db, opts));
}

async function rebuildUnlocked(db: Database, opts: RebuildOptions): Promise<number> {
  const last = await q.maxPostId(db);
  await q.recreateTable(db, q.SEARCH_BUILD);
  const load = async (files: RowFile[]) => {
    for (const f of files) {
      await q.loadRowFile(db, q.SEARCH_BUILD, f.file);
      rmSync(f.file, { force: true });
    }
  };
  const done = await withTempDir((dir) => buildRange(db, dir, 0, last, load, { ...opts, workers: workersFor(last, opts) }));
  const next = stateWriter(db, { through: last, docs: done, tail: 0 });
  await sortIn(db, { appended: q.SEARCH_BUILD, base: false, rowsPerPass: opts.rowsPerPass, alsoEmpty: [q.SEARCH_TAIL], onSwap: next.write });
  next.commit();
  await db.run(`DROP TABLE ${q.SEARCH_BUILD}`);
  await db.run('CHECKPOINT');
  const attrs = postAttributes(db);
  if (attrs.loadedThrough > 0) await attrs.ensure(db, last);
  return done;
}

export interface SearchIndexSize {
  /** Rows of search_terms (in term order). */
  terms: number;
  /** Rows appended since the last compaction (counted, and as recorded in the state). */
  tail: number;
  recordedTail: number;
  through: number;
  docs: number;
}

export async function searchIndexSize(db: Queryable): Promise<SearchIndexSize> {
  const s = await readIndexState(db);
  return {
    terms: await q.rowCount(db, q.SEARCH_TERMS),
    tail: await q.rowCount(db, q.SEARCH_TAIL),
    recordedTail: s?.tail ?? 0,
    through: s?.through ?? 0,
    docs: s?.docs ?? 0,
  };
}
