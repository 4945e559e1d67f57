import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '@tdtt/server/main';
import { foldAccents } from '@tdtt/shared/text';
import { compactSearchIndex, rebuildSearchIndex, searchIndexSize } from '@tdtt/server/search';
import { getJson } from '../support';
import { parseCsv } from './export/sheets';
import { LATE_POST, POSTS, THEMED, THEME_ID, UNITS, collected, startSearchWorld, type SearchWorld } from './search/fixture';

interface Hit {
  id: string;
  title: string;
  titleMarks: { start: number; end: number }[];
  snippet: { from: number; to: number; text: string; marks: { start: number; end: number }[] };
  unit: { id: string; name: string };
  publishedAt: string;
  isRepost: boolean;
  phrase: boolean;
}
interface Result {
  total: number;
  page: number;
  pageSize: number;
  terms: string[];
  hits: Hit[];
}

let server: Server;
let world: SearchWorld;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ server, world, close } = await startSearchWorld('tdtt-search-'));
});
afterAll(() => close?.());

async function search(params: Record<string, string>, headers = world.staff): Promise<{ status: number; body: Result & { error?: { message: string } } }> {
  return getJson(server.url, `/api/search?${new URLSearchParams(params)}`, { headers });
}
const keys = (r: Result) => r.hits.map((h) => world.keyOf.get(h.id)!);
const sorted = (xs: string[]) => [...xs].sort();
const fold = (s: string) => foldAccents(s.normalize('NFC')).toLowerCase();
const expectWords = POSTS.filter((p) => p.words).map((p) => p.key);
const expectPhrase = POSTS.filter((p) => p.phrase).map((p) => p.key);

describe('GET /api/search', () => {
  it.each([['chuyển đổi số'], ['chuyen doi so'], ['CHUYỂN ĐỔI SỐ'], ['chuyển đổi số'.normalize('NFD')], ['  Chuyển   Đổi số ']])('finds the same posts for %j', async (query) => {
    const { status, body } = await search({ q: query });
    expect(status).toBe(200);
    expect(sorted(keys(body))).toEqual(sorted(expectWords));
    expect(body.total).toBe(expectWords.length);
  });

  it('one tone-mark placement matches the other (hoà / hòa) and NFD text', async () => {
    const { body } = await search({ q: 'hòa bình' });
    expect(keys(body)).toEqual(['p6']);
    const { body: other } = await search({ q: 'hoà bình' });
    expect(keys(other)).toEqual(['p6']);
  });

  it('words anywhere match, posts with the phrase rank first; a quoted phrase must occur as such', async () => {
    const { body: words } = await search({ q: 'chuyển đổi số' });
    const flags = words.hits.map((h) => h.phrase);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    for (const h of words.hits) expect(h.phrase).toBe(POSTS.find((p) => p.key === world.keyOf.get(h.id))!.phrase);
    expect(keys(words).at(-1)).toBe('p2');
    const { body: quoted } = await search({ q: '"chuyển đổi số"' });
    expect(sorted(keys(quoted))).toEqual(sorted(expectPhrase));
    const { body: none } = await search({ q: '"số chuyển đổi"' });
    expect(none.total).toBe(0);
  });

  it('filters by unit subtree, theme, dates and original/repost', async () => {
    const subtreeA = new Set(['khoi-a', 'cb-a1']);
    const byUnit = await search({ q: 'chuyển đổi số', unit: 'khoi-a' });
    expect(sorted(keys(byUnit.body))).toEqual(sorted(POSTS.filter((p) => p.words && subtreeA.has(p.unitId)).map((p) => p.key)));
    const byTheme = await search({ q: 'chuyển đổi số', theme: THEME_ID });
    expect(sorted(keys(byTheme.body))).toEqual(sorted(THEMED));
    const byDate = await search({ q: 'chuyển đổi số', from: '2025-03-01', to: '2025-05-31' });
    expect(sorted(keys(byDate.body))).toEqual(sorted(POSTS.filter((p) => p.words && p.day >= '2025-03-01' && p.day <= '2025-05-31').map((p) => p.key)));
    const reposts = await search({ q: 'chuyển đổi số', kind: 'repost' });
    expect(keys(reposts.body)).toEqual(['p5']);
    expect(reposts.body.hits[0]!.isRepost).toBe(true);
    const originals = await search({ q: 'chuyển đổi số', kind: 'original' });
    expect(sorted(keys(originals.body))).toEqual(sorted(expectWords.filter((k) => k !== 'p5')));
  });

  it('pages through results without overlap', async () => {
    const one = await search({ q: 'kinh tế tư nhân' });
    const two = await search({ q: 'kinh tế tư nhân', page: '2' });
    expect(one.body.total).toBe(23);
    expect(one.body.hits).toHaveLength(one.body.pageSize);
    expect(two.body.hits).toHaveLength(23 - one.body.pageSize);
    expect(new Set([...keys(one.body), ...keys(two.body)]).size).toBe(23);
  });

  it('a unit lead only ever sees their subtree', async () => {
    const allowed = new Set(['khoi-a', 'cb-a1']);
    for (const query of ['chuyển đổi số', 'kinh tế tư nhân', 'Đảng', 'nền tảng']) {
      const { status, body } = await search({ q: query }, world.leadA);
      expect(status).toBe(200);
      for (const h of body.hits) expect(allowed.has(h.unit.id)).toBe(true);
      const staff = await search({ q: query, unit: 'khoi-a' });
      expect(body.total).toBe(staff.body.total);
      expect(sorted(keys(body))).toEqual(sorted(keys(staff.body)));
      const everyone = await search({ q: query });
      expect(everyone.body.total).toBeGreaterThanOrEqual(body.total);
    }
    expect((await search({ q: 'chuyển đổi số', unit: 'khoi-b' }, world.leadA)).status).toBe(403);
    expect((await search({ q: 'chuyển đổi số', unit: 'tinh' }, world.leadA)).status).toBe(403);
  });

  it('snippet and title marks are offsets into the original text that hold query syllables', async () => {
    const { body } = await search({ q: 'chuyen doi so' });
    expect(body.hits.length).toBeGreaterThan(0);
    for (const h of body.hits) {
      const post = (await getJson(server.url, `/api/posts/${h.id}`, { headers: world.staff })).body.post as { text: string; title: string };
      expect(h.snippet.text).toBe(post.text.slice(h.snippet.from, h.snippet.to));
      expect(h.title).toBe(post.title);
      for (const m of [...h.snippet.marks, ...h.titleMarks]) {
        const source = h.snippet.marks.includes(m) ? post.text : post.title;
        const words = fold(source.slice(m.start, m.end)).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
        expect(words.length).toBeGreaterThan(0);
        for (const w of words) expect(['chuyen', 'doi', 'so']).toContain(w);
      }
      for (const m of h.snippet.marks) expect(m.start >= h.snippet.from && m.end <= h.snippet.to).toBe(true);
    }
    const p1 = body.hits.find((h) => world.keyOf.get(h.id) === 'p1')!;
    expect(p1.snippet.marks.map((m) => p1.snippet.text.slice(m.start - p1.snippet.from, m.end - p1.snippet.from))).toContain('chuyển đổi số');
  });

  it.each([
    [{ q: '' }, 'q'],
    [{ q: '   ' }, 'q'],
    [{ q: 'x'.repeat(201) }, 'q'],
    [{ q: '!!!' }, 'q'],
    [{ q: 'số', kind: 'other' }, 'kind'],
    [{ q: 'số', page: '0' }, 'page'],
    [{ q: 'số', from: '2025-13' }, 'from'],
    [{ q: 'số', from: '2025-06-01', to: '2025-05-01' }, 'from'],
  ])('400 naming the field for %j', async (params, field) => {
    const { status, body } = await search(params as Record<string, string>);
    expect(status).toBe(400);
    expect(body.error!.message.startsWith(`${field}:`)).toBe(true);
  });

  it('indexes posts stored by a later collection', async () => {
    const { body: before } = await search({ q: 'điện toán đám mây' });
    expect(before.total).toBe(0);
    const sourceId = (await server.db.one<{ id: number }>(`SELECT id FROM sources WHERE unit_id = $1`, [LATE_POST.unitId]))!.id;
    await server.jobs.store.savePosts([collected(LATE_POST, sourceId)]);
    await server.jobs.runner.run('collect');
    const { body: after } = await search({ q: 'dien toan dam may' });
    expect(after.total).toBe(1);
    expect(after.hits[0]!.title).toBe(LATE_POST.title);
    expect(UNITS.map((u) => u.id)).toContain(after.hits[0]!.unit.id);
  });

  it('a compaction and a rebuild (several sort passes, partial rows merged) answer exactly as the incremental index did', async () => {
    const queries = ['chuyển đổi số', '"chuyển đổi số"', 'kinh tế tư nhân', 'Đảng', 'dien toan'];
    const before = await Promise.all(queries.map((query) => search({ q: query })));
    const incremental = await searchIndexSize(server.db);
    expect(incremental.tail).toBeGreaterThan(0); // the later collection's rows wait in the tail
    await compactSearchIndex(server.db, { rowsPerPass: 150 });
    const compacted = await searchIndexSize(server.db);
    expect(compacted.tail).toBe(0);
    const afterCompaction = await Promise.all(queries.map((query) => search({ q: query })));
    await rebuildSearchIndex(server.db, { batch: 7, rowsPerPass: 150, maxPostings: 40 });
    expect(await searchIndexSize(server.db)).toEqual(compacted); // one row per term, field and chunk either way
    const rebuilt = await Promise.all(queries.map((query) => search({ q: query })));
    for (const [i, b] of before.entries()) {
      expect(b.body.total).toBeGreaterThan(0);
      expect(afterCompaction[i]!.body).toEqual(b.body);
      expect(rebuilt[i]!.body).toEqual(b.body);
    }
  });
});

describe('GET /api/search?format=csv|csv-vn', () => {
  it('downloads the hits as CSV, in the order of the screen, beyond the first page', async () => {
    const all: Hit[] = [];
    for (let page = 1; ; page++) {
      const { body } = await search({ q: 'chuyển đổi số', page: String(page) });
      all.push(...body.hits);
      if (all.length >= body.total || body.hits.length === 0) break;
    }
    for (const [format, sep] of [['csv', ','], ['csv-vn', ';']] as const) {
      const res = await fetch(`${server.url}/api/search?${new URLSearchParams({ q: 'chuyển đổi số', format })}`, { headers: world.staff });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition')!)![1]!)).toMatch(/^Tìm kiếm - chuyển đổi số( \(Excel VN\))?\.csv$/);
      const rows = parseCsv(Buffer.from(await res.arrayBuffer()).toString('utf8'), sep);
      expect(rows[0]).toEqual(['STT', 'Ngày đăng', 'Đơn vị', 'Tiêu đề', 'Loại bài', 'Đường dẫn', 'Đoạn trích']);
      expect(rows.slice(1).map((r) => r[3])).toEqual(all.map((h) => h.title.normalize('NFC'))); // CSV text is NFC
      expect(rows.slice(1).every((r) => /^\d{2}\/\d{2}\/\d{4}$/.test(r[1]!))).toBe(true);
    }
    const bad = await fetch(`${server.url}/api/search?q=x&format=xml`, { headers: world.staff });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^format:/);
  });
});
