// Posts of one id chunk → rows of the index (term, field, chunk, n, ids) as CSV files that DuckDB loads
// in bulk. Pure apart from the files: runs on the main thread for small increments, in index workers
// for a rebuild.
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { internedCount, internId, tokenizeInto, type Syllable } from '@tdtt/shared/text';
import { ARRAY_MAX, BITMAP_WORDS, CHUNK_SIZE, chunkOf, encode, encodeBitmap, size, type Container } from './containers';
import { termHash } from './hash';
import { foldTerm, bigram } from './tokens';

export interface PostText {
  id: number;
  title: string;
  text: string;
}

/**
 * What a row's set holds, per post: the term in both title and text (0), in the text (1), in the
 * title only (2). So title = 0 ∪ 2, text = 1, either = 1 ∪ 2 (disjoint: its size is the term's
 * document frequency), and the search reads 1 and 2 to intersect, 0 only where it scores.
 */
export const FIELD = { both: 0, text: 1, titleOnly: 2 } as const;

/** Postings held before a builder writes what it has (bounds a worker's memory on long texts). */
export const MAX_POSTINGS = 12_000_000;

// Unigram lookup by the tokenizer's interned id (an array index, no string hashing); long numbers
// share one interned id, so they alone go through a Map by text. Shared by the builders of a thread
// (they run one after another), told apart by a generation number instead of being cleared.
const LONG_NUMBER_ID = internId('#num');
let internUni = new Int32Array(1 << 16);
let internGen = new Int32Array(1 << 16);
let generations = 0;

/** CSV bytes written into a reused buffer and handed over when full (no string per row: less GC). */
class CsvOut {
  private buf = Buffer.allocUnsafe(1 << 22);
  private pos = 0;
  constructor(private readonly write: (bytes: Buffer) => void) {}

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
  }

  flush(): void {
    if (this.pos > 0) this.write(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }

  /** A term key (hi, lo halves) as 16 hex digits. */
  term(hi: number, lo: number): void {
    this.room(16);
    for (let shift = 28; shift >= 0; shift -= 4) this.buf[this.pos++] = HEX[(hi >>> shift) & 15]!;
    for (let shift = 28; shift >= 0; shift -= 4) this.buf[this.pos++] = HEX[(lo >>> shift) & 15]!;
  }

  /** ASCII text (separators and small constants). */
  ascii(s: string): void {
    this.room(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.pos++] = s.charCodeAt(i);
  }

  /** A non-negative integer below 2³¹ in decimal, then a comma. */
  uint(x: number): void {
    this.room(11);
    let digits = 1;
    for (let y = x; y >= 10; y = (y / 10) | 0) digits++;
    for (let k = this.pos + digits - 1; k >= this.pos; k--) {
      this.buf[k] = 48 + (x % 10);
      x = (x / 10) | 0;
    }
    this.pos += digits;
    this.buf[this.pos++] = 44; // ','
  }

  /** Bytes in lower-case hex, then a newline. */
  hex(bytes: Uint8Array): void {
    this.room(bytes.length * 2 + 1);
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      this.buf[this.pos++] = HEX[b >>> 4]!;
      this.buf[this.pos++] = HEX[b & 15]!;
    }
    this.buf[this.pos++] = 10;
  }
}
const HEX = Buffer.from('0123456789abcdef');

/** Distinct (term, field) sets of the posts of one chunk, post by post in increasing id order. */
export class ChunkBuilder {
  private readonly gen = ++generations;
  private readonly uniByNumber = new Map<string, number>();
  private readonly uniByFolded = new Map<string, number>();
  private readonly uniText: string[] = [];
  private readonly uniTerm: number[] = [];
  private readonly pairs = new PairTable();
  // Per term id: its unigram (a) and, for a bigram, the second unigram (b), else -1.
  private termA = new Int32Array(1024);
  private termB = new Int32Array(1024);
  private terms = 0;
  // Per term, where the current post has it (1 title, 2 text); and the terms it touched.
  private mark = new Uint8Array(1024);
  private touched = new Int32Array(1024);
  private nTouched = 0;
  private keys = new Uint32Array(1 << 16);
  private lows = new Uint16Array(1 << 16);
  private lastLow = -1;
  postings = 0;
  posts = 0;
  private readonly pool: Syllable[] = [];

  constructor(readonly chunk: number) {}

  add(p: PostText): void {
    if (chunkOf(p.id) !== this.chunk) throw new Error(`post ${p.id} is not in chunk ${this.chunk}`);
    const low = p.id - this.chunk * CHUNK_SIZE;
    if (low <= this.lastLow) throw new Error(`posts must come in increasing id order (${p.id})`);
    this.lastLow = low;
    this.posts++;
    this.field(p.title, 1);
    this.field(p.text, 2);
    for (let i = 0; i < this.nTouched; i++) {
      const t = this.touched[i]!;
      const m = this.mark[t]!;
      this.mark[t] = 0;
      if (m === 3) {
        this.posting(t, FIELD.both, low);
        this.posting(t, FIELD.text, low);
      } else this.posting(t, m === 1 ? FIELD.titleOnly : FIELD.text, low);
    }
    this.nTouched = 0;
  }

  private field(s: string, bit: number): void {
    const n = tokenizeInto(s, this.pool);
    let prev = -1;
    for (let i = 0; i < n; i++) {
      const u = this.unigram(this.pool[i]!);
      this.seen(this.uniTerm[u]!, bit);
      if (prev >= 0) this.seen(this.pair(prev, u), bit);
      prev = u;
    }
  }

  private seen(term: number, bit: number): void {
    const m = this.mark[term]!;
    if (m === 0) {
      if (this.nTouched === this.touched.length) this.touched = grow(this.touched, this.nTouched * 2);
      this.touched[this.nTouched++] = term;
    }
    this.mark[term] = m | bit;
  }

  private unigram(s: Syllable): number {
    const id = s.info.id;
    if (id === LONG_NUMBER_ID) {
      let u = this.uniByNumber.get(s.norm);
      if (u === undefined) {
        u = this.folded(s.norm);
        this.uniByNumber.set(s.norm, u);
      }
      return u;
    }
    if (id >= internGen.length) {
      const size = Math.max(internedCount(), id + 1) * 2;
      internUni = grow(internUni, size);
      internGen = grow(internGen, size);
    }
    if (internGen[id] === this.gen) return internUni[id]!;
    const u = this.folded(s.norm);
    internGen[id] = this.gen;
    internUni[id] = u;
    return u;
  }

  private folded(norm: string): number {
    const folded = foldTerm(norm);
    let u = this.uniByFolded.get(folded);
    if (u === undefined) {
      u = this.uniText.length;
      this.uniText.push(folded);
      this.uniByFolded.set(folded, u);
      this.uniTerm.push(this.newTerm(u, -1));
    }
    return u;
  }

  private pair(a: number, b: number): number {
    let t = this.pairs.get(a, b);
    if (t < 0) {
      t = this.newTerm(a, b);
      this.pairs.set(a, b, t);
    }
    return t;
  }

  private newTerm(a: number, b: number): number {
    if (this.terms === this.termA.length) {
      this.termA = grow(this.termA, this.terms * 2);
      this.termB = grow(this.termB, this.terms * 2);
      this.mark = grow(this.mark, this.terms * 2);
    }
    this.termA[this.terms] = a;
    this.termB[this.terms] = b;
    return this.terms++;
  }

  private posting(term: number, field: number, low: number): void {
    const key = term * 3 + field;
    if (this.postings === this.keys.length) {
      this.keys = grow(this.keys, this.postings * 2);
      this.lows = grow(this.lows, this.postings * 2);
    }
    this.keys[this.postings] = key;
    this.lows[this.postings++] = low;
  }

  /** The rows as CSV lines `hex(term),field,chunk,n,hex(ids)`, handed over in pieces; returns the row count. */
  rows(write: (csv: Buffer) => void): number {
    const nKeys = this.terms * 3;
    // Counting sort by key; stable, so each key's lows stay in increasing order.
    const start = new Uint32Array(nKeys + 1);
    for (let i = 0; i < this.postings; i++) start[this.keys[i]! + 1]!++;
    for (let k = 0; k < nKeys; k++) start[k + 1]! += start[k]!;
    const sorted = new Uint16Array(this.postings);
    const fill = start.slice(0, nKeys);
    for (let i = 0; i < this.postings; i++) sorted[fill[this.keys[i]!]!++] = this.lows[i]!;
    const bits = new Uint32Array(BITMAP_WORDS);
    const sortedBytes = new Uint8Array(sorted.buffer);
    const out = new CsvOut(write);
    const fieldChunk = [0, 1, 2].map((f) => `,${f},${this.chunk},`);
    let rows = 0;
    for (let t = 0; t < this.terms; t++) {
      let hash: [number, number] | null = null;
      for (let f = 0; f < 3; f++) {
        const from = start[t * 3 + f]!;
        const n = start[t * 3 + f + 1]! - from;
        if (n === 0) continue;
        hash ??= termHash(this.termText(t));
        out.term(hash[0], hash[1]);
        out.ascii(fieldChunk[f]!);
        out.uint(n);
        if (n <= ARRAY_MAX) out.hex(sortedBytes.subarray(from * 2, (from + n) * 2));
        else {
          bits.fill(0);
          for (let i = from; i < from + n; i++) bits[sorted[i]! >>> 5]! |= 1 << (sorted[i]! & 31);
          out.hex(encodeBitmap(bits, n));
        }
        rows++;
      }
    }
    out.flush();
    return rows;
  }

  private termText(t: number): string {
    const a = this.uniText[this.termA[t]!]!;
    const b = this.termB[t]!;
    return b < 0 ? a : bigram(a, this.uniText[b]!);
  }
}

/** (a, b) → term: open addressing over typed arrays (a Map with number keys this large churns the GC). */
class PairTable {
  private mask = (1 << 16) - 1;
  private a = new Int32Array(1 << 16).fill(-1);
  private b = new Int32Array(1 << 16);
  private v = new Int32Array(1 << 16);
  private count = 0;

  private slot(a: number, b: number): number {
    let i = (Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1) >>> 8) & this.mask;
    while (this.a[i] !== -1 && (this.a[i] !== a || this.b[i] !== b)) i = (i + 1) & this.mask;
    return i;
  }

  get(a: number, b: number): number {
    const i = this.slot(a, b);
    return this.a[i] === -1 ? -1 : this.v[i]!;
  }

  set(a: number, b: number, v: number): void {
    if (++this.count * 2 > this.mask) this.rehash();
    const i = this.slot(a, b);
    this.a[i] = a;
    this.b[i] = b;
    this.v[i] = v;
  }

  private rehash(): void {
    const { a, b, v } = this;
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.a = new Int32Array(size).fill(-1);
    this.b = new Int32Array(size);
    this.v = new Int32Array(size);
    for (let i = 0; i < a.length; i++) {
      if (a[i] === -1) continue;
      const j = this.slot(a[i]!, b[i]!);
      this.a[j] = a[i]!;
      this.b[j] = b[i]!;
      this.v[j] = v[i]!;
    }
  }
}

function grow<T extends Int32Array | Uint32Array | Uint16Array | Uint8Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}

/** Rows given as term keys and containers (merged rows) → a row file. */
export function writeRowFile(file: string, rows: Iterable<{ term: bigint; field: number; chunk: number; set: Container }>): number {
  const fd = openSync(file, 'w');
  let n = 0;
  try {
    const out = new CsvOut((bytes) => writeSync(fd, bytes));
    for (const r of rows) {
      out.term(Number(r.term >> 32n), Number(BigInt.asUintN(32, r.term)));
      out.ascii(`,${r.field},${r.chunk},`);
      out.uint(size(r.set));
      out.hex(encode(r.set));
      n++;
    }
    out.flush();
  } finally {
    closeSync(fd);
  }
  return n;
}

/** A written batch of rows: DuckDB loads the file into the index. */
export interface RowFile {
  file: string;
  rows: number;
  posts: number;
}

/**
 * Builds the chunks given to it one after another (posts in increasing id order), writing a chunk's
 * rows when it is finished or when it holds MAX_POSTINGS (then that chunk has several rows per term,
 * which compaction merges).
 */
export class BuildSession {
  private builder: ChunkBuilder | null = null;
  private files = 0;

  constructor(private readonly dir: string, private readonly maxPostings = MAX_POSTINGS) {}

  add(posts: PostText[]): RowFile[] {
    const out: RowFile[] = [];
    for (const p of posts) this.addOne(p, out);
    return out;
  }

  /** Posts as db/queries' packedPosts gives them (id \x01 title \x01 text, joined by \x02). */
  addPacked(packed: string): RowFile[] {
    const out: RowFile[] = [];
    for (let at = 0; at < packed.length; ) {
      const a = packed.indexOf('\x01', at);
      const b = packed.indexOf('\x01', a + 1);
      let end = packed.indexOf('\x02', b + 1);
      if (end < 0) end = packed.length;
      if (a < 0 || b < 0) throw new Error('packed posts: bad record');
      this.addOne({ id: Number(packed.slice(at, a)), title: packed.slice(a + 1, b), text: packed.slice(b + 1, end) }, out);
      at = end + 1;
    }
    return out;
  }

  private addOne(p: PostText, out: RowFile[]): void {
    if (this.builder && this.builder.chunk !== chunkOf(p.id)) out.push(...this.finish());
    this.builder ??= new ChunkBuilder(chunkOf(p.id));
    this.builder.add(p);
    if (this.builder.postings >= this.maxPostings) out.push(...this.finish());
  }

  finish(): RowFile[] {
    const b = this.builder;
    this.builder = null;
    if (!b || b.posts === 0) return [];
    const file = path.join(this.dir, `c${b.chunk}-${process.pid}-${this.files++}-${Math.random().toString(36).slice(2, 8)}.csv`);
    const fd = openSync(file, 'w');
    let rows = 0;
    try {
      rows = b.rows((csv) => writeSync(fd, csv));
    } finally {
      closeSync(fd);
    }
    return [{ file, rows, posts: b.posts }];
  }
}
