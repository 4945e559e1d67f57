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

export interface IndexStats {
  indexed: number;
  rebuilt: boolean;
}

/** Indexes the posts stored since the last run (posts are append-only: ids only grow). */
export function indexNewPosts(db: Database): Promise<IndexStats> {
  return exclusive(db, async () => {
    const version = await q.duckdbVersion(db);
    const recorded = await q.getSetting(db, SETTING);
    if (recorded !== null && (JSON.parse(recorded) as { duckdb?: string }).duckdb !== version) {
      return { indexed: await rebuildUnlocked(db, {}), rebuilt: true };
    }
    if (recorded === null) await q.setSetting(db, SETTING, JSON.stringify({ duckdb: version }));
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
  await q.moveBuildSorted(db, Math.max(1, Math.ceil(rows / (opts.rowsPerPass ?? 30_000_000))));
  await q.setSetting(db, SETTING, JSON.stringify({ duckdb: await q.duckdbVersion(db) }));
  await db.run('CHECKPOINT');
  return done;
}
