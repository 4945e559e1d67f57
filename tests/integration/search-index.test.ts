import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '@tdtt/server/main';
import { compactSearchIndex, rebuildSearchIndex, readIndexState, searchIndexSize, termKey } from '@tdtt/server/search';
import { getJson } from '../support';
import { POSTS, collected, startSearchWorld, type FixturePost, type SearchWorld } from './search/fixture';

// Index upkeep on the real server and DuckDB file: the rows of a later collection (spanning the chunk
// boundary at post id 65,536, with a term in more than 4,096 posts of one chunk) answer the same from
// the tail, after compaction and after a rebuild; a repost change reaches kind=repost without any
// rebuild; a quoted phrase needs its words in a row, not just each adjacent pair somewhere.

interface Result {
  total: number;
  hits: { id: string; title: string; isRepost: boolean; phrase: boolean; score: number }[];
}

let server: Server;
let world: SearchWorld;
let close: (() => Promise<void>) | undefined;
/** Post id by bulk post number. */
const bulkIds = new Map<number, number>();
const BULK = 4_200;
const FIRST_BULK_ID = 65_530;

beforeAll(async () => {
  ({ server, world, close } = await startSearchWorld('tdtt-search-index-'));
});
afterAll(() => close?.());

async function search(params: Record<string, string>): Promise<Result> {
  const { status, body } = await getJson<Result>(server.url, `/api/search?${new URLSearchParams(params)}`, { headers: world.staff });
  expect(status).toBe(200);
  return body;
}

async function sourceOf(unitId: string): Promise<number> {
  return (await server.db.one<{ id: number }>(`SELECT id FROM sources WHERE unit_id = $1`, [unitId]))!.id;
}

/** Stores posts as a collection does, then runs the collect job (repost marking, indexing). */
async function collect(posts: FixturePost[]): Promise<void> {
  const sources = new Map<string, number>();
  for (const p of posts) if (!sources.has(p.unitId)) sources.set(p.unitId, await sourceOf(p.unitId));
  await server.jobs.store.savePosts(posts.map((p) => collected(p, sources.get(p.unitId)!)));
  await server.jobs.runner.run('collect');
}

const post = (key: string, unitId: string, day: string, title: string, text: string): FixturePost => ({ key, unitId, day, title, text, phrase: false, words: false });

describe('search index upkeep', () => {
  it('incremental rows, a compaction and a rebuild answer alike, across the chunk boundary and the bitmap size', async () => {
    // The next posts get ids 65,530 … 65,530 + BULK − 1: 6 in chunk 0, the rest in chunk 1.
    const max = (await server.db.one<{ m: number }>(`SELECT max(id) AS m FROM posts`))!.m;
    await server.db.run(`SELECT max(nextval('post_id_seq')) FROM range(${FIRST_BULK_ID - 1 - max})`);
    const bulk = Array.from({ length: BULK }, (_, i) =>
      post(`bulk${i}`, i % 3 === 0 ? 'khoi-b' : 'cb-a1', `2025-10-${String(1 + (i % 28)).padStart(2, '0')}`, `Bản tin tổng hợp kỳ ${i}`, `Nội dung mã k${i}x trong bản tin tổng hợp của chi bộ.`),
    );
    await collect(bulk);
    const rows = await server.db.all<{ id: number; canonical_url: string }>(`SELECT id, canonical_url FROM posts WHERE canonical_url LIKE '%/bulk%'`);
    for (const r of rows) bulkIds.set(Number(r.canonical_url.split('/bulk').pop()), r.id);
    expect(Math.min(...bulkIds.values())).toBe(FIRST_BULK_ID);
    const incremental = await searchIndexSize(server.db);
    expect(incremental.tail).toBeGreaterThan(0);
    expect(incremental.recordedTail).toBe(incremental.tail); // searches read the tail only when it has rows

    const idOf = (i: number) => String(bulkIds.get(i));
    const atBoundary = [...bulkIds].filter(([, id]) => id === 65_535 || id === 65_536).map(([i]) => i);
    expect(atBoundary).toHaveLength(2);
    const queries: Record<string, string>[] = [
      { q: 'bản tin tổng hợp' },
      { q: 'bản tin tổng hợp', page: String(BULK / 20) },
      { q: 'tong hop', unit: 'khoi-a' },
      { q: 'tong hop', kind: 'original', from: '2025-10-05', to: '2025-10-06' },
      { q: 'chuyển đổi số' },
      { q: '"chuyển đổi số"' },
      ...atBoundary.map((i) => ({ q: `k${i}x` })),
    ];
    const answers = async () => Promise.all(queries.map(search));
    const before = await answers();
    expect(before[0]!.total).toBe(BULK);
    expect(before[1]!.hits.map((h) => h.id)).toEqual(Array.from({ length: 20 }, (_, k) => idOf(19 - k))); // the last page: the oldest (scores alike)
    expect(before[2]!.total).toBe(bulk.filter((p) => p.unitId === 'cb-a1').length);
    expect(before[3]!.total).toBe(bulk.filter((p) => p.day === '2025-10-05' || p.day === '2025-10-06').length);
    expect(before[4]!.total).toBe(POSTS.filter((p) => p.words).length);
    for (const [k, i] of atBoundary.entries()) expect(before[6 + k]!.hits.map((h) => h.id)).toEqual([idOf(i)]);

    // A term in more than 4,096 posts of chunk 1 is stored as a bitmap there.
    const tong = await server.db.all<{ chunk: number; n: number; bytes: number }>(
      `SELECT chunk, n, octet_length(ids) AS bytes FROM search_tail WHERE term = $1::UBIGINT AND field = 1 ORDER BY chunk`,
      [termKey('tong')],
    );
    expect(tong.map((r) => [r.chunk, r.n, r.bytes])).toEqual([
      [0, 6, 12],
      [1, BULK - 6, 8192],
    ]);

    await compactSearchIndex(server.db, { rowsPerPass: 500 });
    const compacted = await searchIndexSize(server.db);
    expect(compacted.tail).toBe(0);
    expect(await answers()).toEqual(before);
    // Rewritten in term order (what lets a lookup skip row groups), one row per term, field and chunk.
    const order = await server.db.one<{ unsorted: number; dup: number }>(
      `SELECT (SELECT count(*) FROM (SELECT term < lag(term) OVER () AS down FROM search_terms) WHERE down) AS unsorted,
              (SELECT count(*) - count(DISTINCT (term, field, chunk)) FROM search_terms) AS dup`,
    );
    expect(order).toEqual({ unsorted: 0, dup: 0 });

    // In a worker thread, in small batches, with partial rows that the rebuild has to merge.
    await rebuildSearchIndex(server.db, { batch: 500, rowsPerPass: 700, maxPostings: 5_000, workers: 1 });
    expect(await searchIndexSize(server.db)).toEqual(compacted);
    expect(await answers()).toEqual(before);
  });

  it('a repost change shows in kind=repost results without a rebuild', async () => {
    const p3 = world.ids.get('p3')!;
    const before = await search({ q: 'người dân', kind: 'repost' });
    expect(before.hits.map((h) => h.id)).not.toContain(p3);
    const size = await searchIndexSize(server.db);
    const state = await readIndexState(server.db);
    // Another unit published p3's text earlier: p3 becomes its repost.
    const original = POSTS.find((p) => p.key === 'p3')!;
    await collect([post('earlier', 'khoi-a', '2025-05-01', 'Người dân dùng dịch vụ công', original.text)]);
    const after = await search({ q: 'người dân', kind: 'repost' });
    expect(after.hits.map((h) => h.id)).toContain(p3);
    expect(after.hits.find((h) => h.id === p3)!.isRepost).toBe(true);
    const originals = await search({ q: 'người dân', kind: 'original' });
    expect(originals.hits.map((h) => h.id)).not.toContain(p3);
    expect(originals.hits.map((h) => h.title)).toContain('Người dân dùng dịch vụ công');
    // Only the new post was indexed: no rebuild, no compaction.
    expect(await searchIndexSize(server.db)).toMatchObject({ terms: size.terms, docs: size.docs + 1 });
    expect((await readIndexState(server.db))!.through).toBeGreaterThan(state!.through);
  });

  it('a quoted phrase needs its syllables in a row; every adjacent pair somewhere is not enough', async () => {
    await collect([post('pairs', 'khoi-b', '2025-11-02', 'Chuyển đổi mô hình tổ chức', 'Đơn vị đổi số điện thoại đường dây nóng.')]);
    const pairs = (await server.db.one<{ id: number }>(`SELECT id FROM posts WHERE canonical_url LIKE '%/pairs'`))!.id;
    const quoted = await search({ q: '"chuyển đổi số"' });
    expect(quoted.hits.map((h) => h.id)).not.toContain(String(pairs));
    expect(quoted.total).toBe(POSTS.filter((p) => p.phrase).length);
    const words = await search({ q: 'chuyển đổi số' });
    expect(words.hits.map((h) => h.id)).toContain(String(pairs));
    const twoWords = await search({ q: '"đổi số"' }); // one pair: exact by itself
    expect(twoWords.hits.map((h) => h.id)).toContain(String(pairs));
    // Quoting changes which posts match, not how a post scores (the syllables inside quotes are read
    // only where they score: the same score either way).
    const scoreOf = new Map(words.hits.map((h) => [h.id, h.score]));
    for (const h of quoted.hits) expect(h.score).toBe(scoreOf.get(h.id));
    const withWord = await search({ q: '"chuyển đổi số" Đảng' });
    expect(withWord.hits.map((h) => world.keyOf.get(h.id)).sort()).toEqual(['p1', 'p5']);
  });
});
