import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../db/connection';
import * as q from '../db/queries';
import { writeRowFile } from './builder';
import { ARRAY_MAX, CHUNK_SIZE, decode, fromLows, INVERTED_MIN, isBitmap, lowsOf, size, toBits, type Container } from './containers';
import { termKey } from './hash';

// Every stored form of a container survives the trip JS → CSV row file → DuckDB (read_csv, unhex)
// → base64 → JS, on a real DuckDB file.

const dir = mkdtempSync(path.join(tmpdir(), 'tdtt-rows-'));
let db: Database;
beforeAll(async () => {
  db = await Database.open(path.join(dir, 'rows.duckdb'));
  await db.run(q.createTermsTableSql(q.SEARCH_TERMS));
  await db.run(q.createTermsTableSql(q.SEARCH_TAIL));
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const range = (from: number, to: number, step = 1) => Uint16Array.from({ length: Math.ceil((to - from) / step) }, (_, i) => from + i * step);
const members = (c: Container) => [...(isBitmap(c) ? lowsOf(c) : c)];

describe('index rows in DuckDB', () => {
  it('arrays, bitmaps, sets stored as the ids they lack and full chunks read back as written', async () => {
    const sets: [string, Container][] = [
      ['one', fromLows(Uint16Array.of(65_535))],
      ['array', fromLows(range(0, 2 * ARRAY_MAX, 2))],
      ['bitmap', fromLows(range(0, 2 * ARRAY_MAX + 2, 2))],
      ['lacking', toBits(fromLows(range(ARRAY_MAX, CHUNK_SIZE)))],
      ['full', toBits(fromLows(range(0, CHUNK_SIZE)))],
    ];
    const file = path.join(dir, 'rows.csv');
    writeRowFile(file, sets.map(([term, set], i) => ({ term: BigInt(termKey(term)), field: 1, chunk: i, set })));
    await q.loadRowFile(db, q.SEARCH_TERMS, file);
    const rows = await q.termRows(db, sets.map(([term]) => ({ key: termKey(term), blobs: 'all' })), false);
    expect(rows.map((r) => [r.i, r.chunk, r.n])).toEqual(sets.map(([, set], i) => [i, i, size(set)]));
    expect(rows.map((r) => r.n)).toEqual([1, ARRAY_MAX, ARRAY_MAX + 1, INVERTED_MIN, CHUNK_SIZE]);
    for (const r of rows) expect(members(decode(Buffer.from(r.b!, 'base64'), r.n))).toEqual(members(sets[r.i]![1]));
  });

  it('counts without containers, containers for some rows only', async () => {
    const key = termKey('array');
    const rows = await q.termRows(db, [{ key, rows: [{ fields: [1] }], blobs: [{ chunksFrom: 5 }] }], false);
    expect(rows).toEqual([{ i: 0, field: 1, chunk: 1, n: ARRAY_MAX, b: null }]);
    expect(await q.termRows(db, [{ key, rows: [{ fields: [0, 2] }], blobs: 'all' }], true)).toEqual([]);
  });
});
