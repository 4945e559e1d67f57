// A small hand-made world for the search tests: a unit tree, posts with known wording, one repost.
import { createHash } from 'node:crypto';
import type { CollectedPost } from '@tdtt/jobs/ports';
import type { Server } from '@tdtt/server/main';
import { createAccount } from '@tdtt/server/auth';
import * as q from '@tdtt/server/db/queries';
import { signIn, startTestServer, tempDir } from '../../support';

export const UNITS = [
  { id: 'tinh', name: 'Tỉnh ủy Thử', kind: 'province', parentId: null },
  { id: 'khoi-a', name: 'Đảng ủy Khối A', kind: 'block', parentId: 'tinh' },
  { id: 'cb-a1', name: 'Chi bộ A1', kind: 'cell', parentId: 'khoi-a' },
  { id: 'khoi-b', name: 'Đảng ủy Khối B', kind: 'block', parentId: 'tinh' },
];

export interface FixturePost {
  key: string;
  unitId: string;
  day: string;
  title: string;
  text: string;
  /** Holds "chuyển đổi số" as consecutive syllables (any case or accents). */
  phrase: boolean;
  /** Holds chuyển, đổi and số somewhere. */
  words: boolean;
}

const NFD = (s: string) => s.normalize('NFD');

export const POSTS: FixturePost[] = [
  { key: 'p1', unitId: 'khoi-a', day: '2025-03-10', title: 'Đẩy mạnh chuyển đổi số trong cơ quan Đảng', text: 'Sáng 10/3, Đảng ủy Khối tổ chức hội nghị về chuyển đổi số. Các đại biểu thống nhất nhiều giải pháp thiết thực.', phrase: true, words: true },
  { key: 'p2', unitId: 'cb-a1', day: '2025-04-02', title: 'Hội nghị sơ kết quý I', text: 'Về số hóa tài liệu, chi bộ đã chuyển sang họp trực tuyến; nhiều thói quen cũ được đổi mới.', phrase: false, words: true },
  { key: 'p3', unitId: 'khoi-b', day: '2025-05-20', title: 'CHUYỂN ĐỔI SỐ: nền tảng cho người dân', text: 'Người dân được hướng dẫn sử dụng dịch vụ công trực tuyến tại bộ phận một cửa.', phrase: true, words: true },
  { key: 'p4', unitId: 'khoi-b', day: '2025-06-01', title: 'Bảo vệ nền tảng tư tưởng của Đảng', text: 'Bài viết về công tác tuyên truyền, đấu tranh phản bác các quan điểm sai trái.', phrase: false, words: false },
  { key: 'p5', unitId: 'cb-a1', day: '2025-06-15', title: 'Đẩy mạnh chuyển đổi số trong cơ quan Đảng', text: 'Sáng 10/3, Đảng ủy Khối tổ chức hội nghị về chuyển đổi số. Các đại biểu thống nhất nhiều giải pháp thiết thực.', phrase: true, words: true },
  { key: 'p6', unitId: 'tinh', day: '2025-02-01', title: NFD('Văn hoá và hoà bình'), text: NFD('Giữ gìn hoà bình, phát triển văn hoá trong thời kỳ chuyển   đổi   số của tỉnh.'), phrase: true, words: true },
  { key: 'p7', unitId: 'khoi-a', day: '2025-07-01', title: 'Tai lieu chuyen doi so', text: 'Ban khong dau: chuyen doi so la nhiem vu trong tam.', phrase: true, words: true },
  ...Array.from({ length: 23 }, (_, i) => ({
    key: `k${i}`,
    unitId: i % 2 ? 'khoi-a' : 'khoi-b',
    day: `2025-08-${String(1 + i).padStart(2, '0')}`,
    title: `Bản tin kinh tế tư nhân số ${i + 1}`,
    text: `Doanh nghiệp kinh tế tư nhân trên địa bàn tiếp tục phát triển, kỳ ${i + 1}.`,
    phrase: false,
    words: false,
  })),
];

/** The one post saved later, to check incremental indexing. */
export const LATE_POST: FixturePost = { key: 'late', unitId: 'khoi-b', day: '2025-09-01', title: 'Ứng dụng điện toán đám mây', text: 'Cơ quan chuyển dữ liệu lên điện toán đám mây của tỉnh.', phrase: false, words: false };

export const THEME_ID = 'theme-cds';
/** Posts matched to THEME_ID (an automatic match of the current model version). */
export const THEMED = ['p1', 'p3'];

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export function collected(p: FixturePost, sourceId: number): CollectedPost {
  const url = `https://${p.unitId}.example.vn/tin/${p.key}`;
  return {
    sourceId,
    unitId: p.unitId,
    url,
    canonicalUrl: url,
    guid: null,
    title: p.title,
    text: p.text,
    publishedAt: `${p.day}T09:00:00+07:00`,
    firstSeenAt: `${p.day}T10:00:00.000Z`,
    flags: [],
    contentHash: sha(p.text),
    simhash: sha(p.text).slice(0, 16),
  };
}

export interface SearchWorld {
  /** Post id by fixture key. */
  ids: Map<string, string>;
  keyOf: Map<string, string>;
  staff: Record<string, string>;
  leadA: Record<string, string>;
}

/** Units, sources and posts through the collector's store, then the collect job (which indexes). */
export async function seedSearchWorld(server: Server): Promise<SearchWorld> {
  const db = server.db;
  await q.upsertUnits(db, UNITS);
  await q.upsertSources(db, UNITS.map((u) => ({ unitId: u.id, kind: 'feed' as const, url: `https://${u.id}.example.vn/rss` })));
  const sources = await q.allSources(db);
  const sourceOf = new Map(sources.map((s) => [s.unitId, s.id]));
  // Paused so the collect job fetches nothing: it only runs its after-collection steps.
  await db.run(`UPDATE sources SET paused = true`);
  await server.jobs.store.savePosts(POSTS.map((p) => collected(p, sourceOf.get(p.unitId)!)));
  await server.jobs.runner.run('collect');
  const rows = await db.all<{ id: number; canonical_url: string }>(`SELECT id, canonical_url FROM posts`);
  const ids = new Map(rows.map((r) => [r.canonical_url.split('/').pop()!, String(r.id)]));
  const modelVersion = (await q.getSetting(db, 'model_version')) ?? 'none';
  await db.transaction((tx) => q.saveMatches(tx, modelVersion, THEMED.map((k) => ({ postId: Number(ids.get(k)), matches: [{ themeId: THEME_ID, score: 0.9, evidence: [] }] as never }))));
  await createAccount(db, { username: 'canbo', displayName: 'Cán bộ', password: 'mat-khau-can-bo-1', role: 'staff', unitId: null });
  await createAccount(db, { username: 'ld-khoi-a', displayName: 'Lãnh đạo khối A', password: 'mat-khau-lanh-dao-1', role: 'lead', unitId: 'khoi-a' });
  return {
    ids,
    keyOf: new Map([...ids].map(([k, id]) => [id, k])),
    staff: await signIn(server.url, 'canbo', 'mat-khau-can-bo-1'),
    leadA: await signIn(server.url, 'ld-khoi-a', 'mat-khau-lanh-dao-1'),
  };
}

/** A server on a temporary DuckDB file with the search world seeded; `close` stops it and removes the file. */
export async function startSearchWorld(tmpPrefix: string): Promise<{ server: Server; world: SearchWorld; close(): Promise<void> }> {
  const tmp = tempDir(tmpPrefix);
  const server = await startTestServer({ dataDir: tmp.dir, demo: false });
  const close = async () => {
    await server.close();
    tmp.remove();
  };
  try {
    return { server, world: await seedSearchWorld(server), close };
  } catch (err) {
    await close();
    throw err;
  }
}
