import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildSession, ChunkBuilder, FIELD } from './builder';
import {
  ARRAY_MAX,
  BITMAP_BYTES,
  CHUNK_SIZE,
  INVERTED_MIN,
  chunkOf,
  decode,
  encode,
  fromLows,
  has,
  intersect,
  isBitmap,
  lowOf,
  lowsOf,
  size,
  toBits,
  union,
  type Container,
} from './containers';
import { termHash, termKey } from './hash';

const range = (from: number, to: number, step = 1) => Uint16Array.from({ length: Math.ceil((to - from) / step) }, (_, i) => from + i * step);
const members = (c: Container) => [...(isBitmap(c) ? lowsOf(c) : c)];

describe('containers', () => {
  it('are sorted arrays up to 4,096 members and bitmaps above; both store 8,192 bytes at the boundary', () => {
    const at = fromLows(range(0, ARRAY_MAX * 2, 2));
    expect(isBitmap(at)).toBe(false);
    expect(encode(at).byteLength).toBe(BITMAP_BYTES);
    const above = fromLows(range(0, ARRAY_MAX * 2 + 2, 2));
    expect(isBitmap(above)).toBe(true);
    expect(encode(above).byteLength).toBe(BITMAP_BYTES);
    // The same 8,192 bytes mean different sets: the count decides the form.
    expect(members(decode(encode(at), ARRAY_MAX))).toEqual([...range(0, ARRAY_MAX * 2, 2)]);
    expect(size(decode(encode(above), ARRAY_MAX + 1))).toBe(ARRAY_MAX + 1);
    expect(() => decode(encode(at), ARRAY_MAX - 1)).toThrow(/bytes/);
  });

  it('a set lacking at most 4,096 ids of its chunk is stored as the ids it lacks', () => {
    const lacking = (k: number) => toBits(fromLows(range(k, CHUNK_SIZE))); // lacks 0 … k − 1
    const inverted = lacking(ARRAY_MAX);
    expect(size(inverted)).toBe(INVERTED_MIN);
    expect(encode(inverted).byteLength).toBe(2 * ARRAY_MAX);
    expect([...new Uint16Array(encode(inverted).slice().buffer)].slice(0, 3)).toEqual([0, 1, 2]);
    expect(members(decode(encode(inverted), INVERTED_MIN))).toEqual([...range(ARRAY_MAX, CHUNK_SIZE)]);
    const bitmap = lacking(ARRAY_MAX + 1);
    expect(encode(bitmap).byteLength).toBe(BITMAP_BYTES);
    expect(size(decode(encode(bitmap), INVERTED_MIN - 1))).toBe(INVERTED_MIN - 1);
    const full = lacking(0);
    expect(encode(full).byteLength).toBe(0);
    expect(size(decode(encode(full), CHUNK_SIZE))).toBe(CHUNK_SIZE);
    expect(() => decode(encode(inverted), INVERTED_MIN + 1)).toThrow(/bytes/);
  });

  it('round-trip through stored bytes, also from an odd offset', () => {
    for (const lows of [range(5, 6), range(0, 65_536, 17), range(65_530, 65_536)]) {
      const c = fromLows(lows);
      const bytes = encode(c);
      const shifted = new Uint8Array(bytes.byteLength + 1);
      shifted.set(bytes, 1);
      expect(members(decode(bytes, lows.length))).toEqual([...lows]);
      expect(members(decode(shifted.subarray(1), lows.length))).toEqual([...lows]);
    }
  });

  it('union: arrays merge, and become a bitmap past 4,096 members', () => {
    const evens = fromLows(range(0, 4_000, 2));
    const odds = fromLows(range(1, 4_000, 2));
    const small = union(evens, fromLows(range(0, 100)));
    expect(isBitmap(small)).toBe(false);
    expect(size(small)).toBe(2_000 + 50);
    const big = union(evens, odds);
    expect(isBitmap(big)).toBe(false); // 4,000 members
    const bigger = union(big, fromLows(range(4_000, 4_097)));
    expect(isBitmap(bigger)).toBe(true);
    expect(members(bigger)).toEqual([...range(0, 4_097)]);
    expect(members(union(bigger, fromLows(range(65_535, 65_536))))).toEqual([...range(0, 4_097), 65_535]);
  });

  it('intersection: of bitmaps comes back as an array when small; with an array stays an array', () => {
    const a = fromLows(range(0, 10_000));
    const b = fromLows(range(9_990, 20_000));
    const both = intersect(a, b);
    expect(isBitmap(both)).toBe(false);
    expect(members(both)).toEqual([...range(9_990, 10_000)]);
    const big = intersect(a, fromLows(range(0, 65_536, 2)));
    expect(isBitmap(big)).toBe(true);
    expect(size(big)).toBe(5_000);
    expect(members(intersect(fromLows(Uint16Array.of(3, 65_535)), toBits(fromLows(range(65_530, 65_536)))))).toEqual([65_535]);
  });

  it('membership at the ends of a chunk (bit 31 of the last word)', () => {
    for (const c of [fromLows(Uint16Array.of(0, 31, 32, 65_535)), toBits(fromLows(Uint16Array.of(0, 31, 32, 65_535)))]) {
      for (const low of [0, 31, 32, 65_535]) expect(has(c, low)).toBe(true);
      for (const low of [1, 30, 33, 65_534]) expect(has(c, low)).toBe(false);
    }
  });

  it('post ids 65,535 and 65,536 fall in chunks 0 and 1', () => {
    expect([chunkOf(65_535), lowOf(65_535)]).toEqual([0, 65_535]);
    expect([chunkOf(65_536), lowOf(65_536)]).toEqual([1, 0]);
  });
});

describe('term keys', () => {
  it('are stable: an index built before must still be found (a change means a rebuild)', () => {
    expect(termKey('chuyen')).toBe(termKey('chuyen'));
    expect(termHash('chuyen doi')).toEqual(termHash('chuyen doi'));
    expect([termKey('chuyen'), termKey('chuyen doi'), termKey('')]).toMatchInlineSnapshot(`
      [
        "12014764139678020154",
        "8236109954467675111",
        "5227514475777527171",
      ]
    `);
    expect(new Set(['a', 'b', 'ab', 'ba', 'a b', 'b a'].map(termKey)).size).toBe(6);
  });
});

interface Row {
  term: string;
  field: number;
  chunk: number;
  n: number;
  ids: number[];
}

function parseRows(csv: string): Row[] {
  return csv
    .trim()
    .split('\n')
    .map((line) => {
      const [term, field, chunk, n, hex] = line.split(',');
      const bytes = Buffer.from(hex!, 'hex');
      return { term: BigInt(`0x${term}`).toString(), field: Number(field), chunk: Number(chunk), n: Number(n), ids: members(decode(new Uint8Array(bytes), Number(n))) };
    });
}

describe('index rows', () => {
  it('one row per term and field (title and text | text | title only): folded syllables and adjacent pairs, each post once', () => {
    const b = new ChunkBuilder(0);
    b.add({ id: 3, title: 'Chuyển đổi số', text: 'Chuyển đổi số, chuyển đổi SỐ!' });
    b.add({ id: 9, title: 'Hoà bình', text: 'hòa bình, số' });
    let csv = '';
    b.rows((bytes) => (csv += bytes.toString()));
    const rows = parseRows(csv);
    const find = (term: string, field: number) => rows.find((r) => r.term === termKey(term) && r.field === field);
    expect(find('chuyen', FIELD.both)).toMatchObject({ chunk: 0, n: 1, ids: [3] });
    expect(find('chuyen doi', FIELD.text)).toMatchObject({ n: 1, ids: [3] });
    expect(find('so chuyen', FIELD.text)).toMatchObject({ ids: [3] }); // across the comma
    expect(find('so chuyen', FIELD.both)).toBeUndefined();
    expect(find('hoa binh', FIELD.both)).toMatchObject({ ids: [9] });
    expect(find('so', FIELD.text)).toMatchObject({ n: 2, ids: [3, 9] });
    expect(find('so', FIELD.both)).toMatchObject({ n: 1, ids: [3] });
    // post 3: 5 terms in both (rows 0 and 1) and "so chuyen" in the text; post 9 adds hoa, binh,
    // "hoa binh" in both, "binh so" in the text ("so" shares post 3's rows)
    expect(rows).toHaveLength(5 * 2 + 1 + 3 * 2 + 1);
    const titleOnly = new ChunkBuilder(0);
    titleOnly.add({ id: 1, title: 'Tin mới', text: 'khác' });
    let only = '';
    titleOnly.rows((bytes) => (only += bytes.toString()));
    expect(parseRows(only).filter((r) => r.field === FIELD.titleOnly).map((r) => r.term).sort()).toEqual(['tin', 'moi', 'tin moi'].map(termKey).sort());
  });

  it('a session splits posts at the chunk boundary (ids 65,535 | 65,536) and writes partial rows past its budget', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tdtt-rows-'));
    try {
      const s = new BuildSession(dir);
      const files = [...s.add([{ id: 65_534, title: 'a', text: 'x y' }, { id: 65_535, title: 'a', text: 'x' }, { id: 65_536, title: 'a', text: 'y' }]), ...s.finish()];
      expect(files.map((f) => f.posts)).toEqual([2, 1]);
      const rows = files.flatMap((f) => parseRows(readFileSync(f.file, 'utf8')));
      expect(rows.filter((r) => r.term === termKey('a')).map((r) => [r.chunk, r.ids])).toEqual([
        [0, [65_534, 65_535]],
        [1, [0]],
      ]);
      const small = new BuildSession(dir, 3);
      const parts = [...small.add([{ id: 1, title: 'a b', text: '' }, { id: 2, title: 'a', text: '' }]), ...small.finish()];
      expect(parts).toHaveLength(2); // "a", "b", "a b" (3 postings) fill the first part
      const a = parts.flatMap((f) => parseRows(readFileSync(f.file, 'utf8'))).filter((r) => r.term === termKey('a'));
      expect(a.map((r) => r.ids)).toEqual([[1], [2]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a chunk holding a term in nearly every post stores the posts lacking it', () => {
    const b = new ChunkBuilder(0);
    for (let id = 1; id < CHUNK_SIZE; id++) b.add({ id, title: '', text: id % 1_000 === 0 ? 'khác' : 'tin' });
    let csv = '';
    b.rows((bytes) => (csv += bytes.toString()));
    const row = parseRows(csv).find((r) => r.term === termKey('tin'))!;
    expect(row.n).toBe(CHUNK_SIZE - 1 - 65); // ids 1 … 65,535 less the 65 multiples of 1,000
    expect(row.ids.length).toBe(row.n);
    expect(row.ids.includes(0) || row.ids.includes(1_000)).toBe(false);
    expect(csv.split('\n').find((l) => l.startsWith(BigInt(termKey('tin')).toString(16).padStart(16, '0')))!.split(',')[4]!.length).toBe(66 * 4);
  });

  it('a chunk holding a term in more than 4,096 posts stores it as a bitmap', () => {
    const b = new ChunkBuilder(1);
    for (let id = 65_536; id < 65_536 + ARRAY_MAX + 1; id++) b.add({ id, title: '', text: 'tin' });
    let csv = '';
    b.rows((bytes) => (csv += bytes.toString()));
    const [row] = parseRows(csv);
    expect(row).toMatchObject({ chunk: 1, n: ARRAY_MAX + 1 });
    expect(row!.ids).toEqual([...range(0, ARRAY_MAX + 1)]);
    expect(csv.split(',')[4]!.trim().length).toBe(BITMAP_BYTES * 2);
  });
});
