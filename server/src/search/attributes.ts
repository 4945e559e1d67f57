// What the search filters need of every post — unit, Vietnam publication day, repost or not — held
// compactly per process and indexed by post id, so filtering candidates costs no DuckDB round trip.
// About 4.2 bytes a post (≈ 21 MB for 5 M posts). Loaded lazily from DuckDB a chunk at a time, extended
// as the index grows, repost bits kept current by the repost marking (runtime/reposts.ts).
import type { Database } from '../db/connection';
import * as q from '../db/queries';
import { collectSoon } from '../db/native-memory';
import { BITMAP_WORDS, CHUNK_SIZE, chunkOf } from './containers';

interface ChunkAttributes {
  /** Unit index of each post (0 where no post). */
  unit: Uint16Array | Uint32Array;
  /** Days since 1970-01-01 of the post's Vietnam publication day. */
  day: Uint16Array;
  repost: Uint32Array;
  /** Range of the days stored (a date filter skips chunks outside it). */
  minDay: number;
  maxDay: number;
}

export class PostAttributes {
  private readonly unitIndex = new Map<string, number>();
  private readonly chunks: (ChunkAttributes | undefined)[] = [];
  private wide = false;
  /** Every post with id <= through is loaded. */
  private through = 0;
  private loading: Promise<void> = Promise.resolve();
  /** Repost changes that arrive while a load is under way, applied again when it ends. */
  private pending: { id: number; repost: boolean }[] | null = null;

  /** Loads what is missing up to post id `through` (one load at a time). */
  ensure(db: Database, through: number): Promise<void> {
    const run = async () => {
      if (through <= this.through) return;
      this.pending = [];
      try {
        // Whole chunks (or their remainder) per query: ~65 k posts grouped by unit, a few thousand rows.
        for (let from = this.through + 1; from <= through; ) {
          const to = Math.min((chunkOf(from) + 1) * CHUNK_SIZE, through + 1);
          this.store(from, await q.postAttributeRows(db, from, to));
          this.through = to - 1;
          from = to;
          collectSoon(); // each chunk's rows are a MB of DuckDB result chunks (db/native-memory.ts)
        }
      } finally {
        for (const p of this.pending) this.setRepost(p.id, p.repost);
        this.pending = null;
      }
    };
    this.loading = this.loading.then(run, run);
    return this.loading;
  }

  get loadedThrough(): number {
    return this.through;
  }

  private chunk(c: number): ChunkAttributes {
    let a = this.chunks[c];
    if (!a) {
      a = {
        unit: this.wide ? new Uint32Array(CHUNK_SIZE) : new Uint16Array(CHUNK_SIZE),
        day: new Uint16Array(CHUNK_SIZE),
        repost: new Uint32Array(BITMAP_WORDS),
        minDay: 65_535,
        maxDay: 0,
      };
      this.chunks[c] = a;
    }
    return a;
  }

  private store(from: number, rows: { posts: string; reposts: string }): void {
    // "unit,packed;…" — parsed in place (no split: millions of posts), the unit's text sliced only when it changes.
    const s = rows.posts;
    let unitText = '';
    let u = 0;
    for (let i = 0; i < s.length; ) {
      const comma = s.indexOf(',', i);
      if (comma - i !== unitText.length || !s.startsWith(unitText, i)) {
        unitText = s.slice(i, comma);
        u = this.unit(unitText);
      }
      let packed = 0;
      let j = comma + 1;
      for (; j < s.length; j++) {
        const ch = s.charCodeAt(j);
        if (ch === 59) break; // ';'
        packed = packed * 10 + (ch - 48);
      }
      const id = from + Math.floor(packed / 65_536);
      const a = this.chunk(chunkOf(id));
      const low = id % CHUNK_SIZE;
      const day = packed % 65_536;
      a.unit[low] = u;
      a.day[low] = day;
      if (day < a.minDay) a.minDay = day;
      if (day > a.maxDay) a.maxDay = day;
      i = j + 1;
    }
    if (rows.reposts) for (const d of rows.reposts.split(',')) this.flag(from + Number(d), true);
  }

  /** The unit's index (new units get the next one; past 65,535 units the arrays widen to 32 bits). */
  private unit(id: string): number {
    let u = this.unitIndex.get(id);
    if (u === undefined) {
      u = this.unitIndex.size;
      this.unitIndex.set(id, u);
      if (u === 65_535 && !this.wide) {
        this.wide = true;
        for (const a of this.chunks) if (a) a.unit = Uint32Array.from(a.unit);
      }
    }
    return u;
  }

  private flag(id: number, repost: boolean): void {
    const a = this.chunk(chunkOf(id));
    const low = id % CHUNK_SIZE;
    if (repost) a.repost[low >>> 5]! |= 1 << (low & 31);
    else a.repost[low >>> 5]! &= ~(1 << (low & 31));
  }

  /** A post's repost_of changed (set or cleared). */
  setRepost(id: number, repost: boolean): void {
    this.pending?.push({ id, repost });
    if (id <= this.through) this.flag(id, repost);
  }

  /** Per unit index: 1 when the unit is in `unitIds`. Units without posts have no index and need none. */
  unitMask(unitIds: string[]): Uint8Array {
    const mask = new Uint8Array(this.unitIndex.size);
    for (const id of unitIds) {
      const u = this.unitIndex.get(id);
      if (u !== undefined) mask[u] = 1;
    }
    return mask;
  }

  /** The arrays of chunk c (null when no post of it is loaded). */
  of(c: number): Readonly<ChunkAttributes> | null {
    return this.chunks[c] ?? null;
  }
}

const stores = new WeakMap<Database, PostAttributes>();

/** The database's attribute store (empty until a search ensures what it needs). */
export function postAttributes(db: Database): PostAttributes {
  let s = stores.get(db);
  if (!s) stores.set(db, (s = new PostAttributes()));
  return s;
}

/** Repost marking changed repost_of of these posts: keep a loaded store in step (no reload, no rebuild). */
export function noteRepostChanges(db: Database, changes: { id: number; repostOf: number | null }[]): void {
  const s = stores.get(db);
  if (!s) return;
  for (const c of changes) s.setRepost(c.id, c.repostOf !== null);
}
