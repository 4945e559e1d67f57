// Keeps the full-text index in step with the posts: incremental after each collection, rebuildable.
import type { Database } from '../db/connection';
import * as q from '../db/queries';
import { foldedLine } from './tokens';

const SETTING = 'search_index';
const INCREMENT_BATCH = 1000;

interface IndexedDoc {
  lines: q.StagedLine[];
  doc: { postId: number; titleLen: number; textLen: number };
}

/** A post's title and text as folded lines (pure apart from the token caches). */
export function docLines(p: q.PostToIndex): IndexedDoc {
  const title = foldedLine(p.title);
  const text = foldedLine(p.text);
  return {
    lines: [
      { postId: p.id, field: q.SEARCH_FIELD.title, line: title.line },
      { postId: p.id, field: q.SEARCH_FIELD.text, line: text.line },
    ],
    doc: { postId: p.id, titleLen: title.count, textLen: text.count },
  };
}

// One index writer at a time per database (a collection and a rebuild must not interleave).
const running = new WeakMap<Database, Promise<unknown>>();
function exclusive<T>(db: Database, fn: () => Promise<T>): Promise<T> {
  const prev = running.get(db) ?? Promise.resolve();
  const next = prev.then(fn, fn);
  running.set(db, next.catch(() => undefined));
  return next;
}

/** Recorded in settings: the DuckDB whose hash() made the terms, and how many postings are in term order. */
interface IndexState {
  duckdb: string;
  sorted: number;
}

const ROWS_PER_PASS = 30_000_000;

// Increments are appended unsorted: lookups read all their row groups. Once they are a quarter of
// the postings (and more than a few batches), the table is put back in term order.
async function resortWhenFragmented(db: Database, version: string, sorted: number): Promise<void> {
  const total = await q.searchPostingCount(db);
  if (total - sorted <= Math.max(500_000, total / 4)) return;
  await q.resortPostings(db, ROWS_PER_PASS);
  await q.setSetting(db, SETTING, JSON.stringify({ duckdb: version, sorted: total } satisfies IndexState));
}

export interface IndexStats {
  indexed: number;
  rebuilt: boolean;
}

/** Indexes the posts stored since the last run (posts are append-only: ids only grow). */
export function indexNewPosts(db: Database): Promise<IndexStats> {
  return exclusive(db, async () => {
    const version = await q.duckdbVersion(db);
    const raw = await q.getSetting(db, SETTING);
    const state = raw ? (JSON.parse(raw) as IndexState) : null;
    if (state !== null && state.duckdb !== version) return { indexed: await rebuildUnlocked(db, {}), rebuilt: true };
    if (state === null) await q.setSetting(db, SETTING, JSON.stringify({ duckdb: version, sorted: 0 } satisfies IndexState));
    let indexed = 0;
    const last = await q.maxPostId(db);
    for (let after = await q.searchWatermark(db); after < last; after += INCREMENT_BATCH) {
      const posts = await q.postsToIndex(db, after, Math.min(after + INCREMENT_BATCH, last));
      if (posts.length === 0) continue;
      const docs = posts.map(docLines);
      await db.transaction(async (tx) => {
        await q.stageLines(tx, docs.flatMap((d) => d.lines));
        await q.flushStaging(tx, docs.map((d) => d.doc));
      });
      indexed += posts.length;
    }
    if (indexed > 0) await resortWhenFragmented(db, version, state?.sorted ?? 0);
    return { indexed, rebuilt: false };
  });
}

export interface RebuildOptions {
  /** Posts read and tokenised per batch. */
  batch?: number;
  /** Postings sorted per pass (bounds the sort's memory). */
  rowsPerPass?: number;
  onProgress?: (done: number) => void;
}

/** Drops and rebuilds the whole index, postings sorted by term (what makes lookups read few row groups). */
export function rebuildSearchIndex(db: Database, opts: RebuildOptions = {}): Promise<number> {
  return exclusive(db, () => rebuildUnlocked(db, opts));
}

async function rebuildUnlocked(db: Database, opts: RebuildOptions): Promise<number> {
  const batch = opts.batch ?? 20_000;
  await q.clearSearchIndex(db);
  await q.createBuildTable(db);
  const last = await q.maxPostId(db);
  let done = 0;
  for (let after = 0; after < last; after += batch) {
    const posts = await q.postsToIndex(db, after, Math.min(after + batch, last));
    if (posts.length === 0) continue;
    const docs = posts.map(docLines);
    await db.append('search_staging', docs.flatMap((d) => d.lines.map((l) => [l.postId, l.field, l.line])));
    await q.explodeStagingInto(db, 'search_build');
    await db.append('search_docs', docs.map((d) => [d.doc.postId, d.doc.titleLen, d.doc.textLen]));
    done += posts.length;
    opts.onProgress?.(done);
  }
  const rows = await q.buildRowCount(db);
  await q.moveBuildSorted(db, Math.max(1, Math.ceil(rows / (opts.rowsPerPass ?? ROWS_PER_PASS))));
  await q.setSetting(db, SETTING, JSON.stringify({ duckdb: await q.duckdbVersion(db), sorted: rows } satisfies IndexState));
  await db.run('CHECKPOINT');
  return done;
}
