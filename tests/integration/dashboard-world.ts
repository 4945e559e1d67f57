// A small hand-made world for the theme, anniversary, source and alert API tests: five units, one plan
// (two phases, an anniversary theme, three anniversaries), posts on chosen days, matches stored through
// the real queries, the real roll-up, and the real app served on 127.0.0.1 with a fixed clock.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { contentHash, simhash } from '@tdtt/jobs/collect';
import { createApp } from '@tdtt/server/app';
import { loadConfig } from '@tdtt/server/config';
import { parsedPlanSchema } from '@tdtt/shared';
import { createAccount } from '../../server/src/auth';
import { Database } from '../../server/src/db/connection';
import { migrate } from '../../server/src/db/migrate';
import * as q from '../../server/src/db/queries';
import { createJobs } from '../../server/src/runtime/jobs';
import { setCurrentModelVersion } from '../../server/src/runtime/model';
import { runRollup } from '../../server/src/runtime/rollup';
import { signIn } from '../support';

export const NOW = new Date('2025-06-20T03:00:00Z'); // Friday 20/06/2025 in Vietnam
export const PASSWORD = 'mat-khau-kiem-thu';
export const UNITS = [
  { id: 'tinh', name: 'Tỉnh ủy Thử Nghiệm', kind: 'tinh-uy', parentId: null },
  { id: 'khoi-a', name: 'Khối Alpha', kind: 'dang-uy-khoi', parentId: 'tinh' },
  { id: 'so-a1', name: 'Sở Alpha Một', kind: 'so', parentId: 'khoi-a' },
  { id: 'khoi-b', name: 'Khối Beta', kind: 'dang-uy-khoi', parentId: 'tinh' },
  { id: 'so-b1', name: 'Sở Beta Một', kind: 'so', parentId: 'khoi-b' },
];

const theme = (key: string, order: number, title: string, cls: string | null) => ({
  key, numbering: String(order + 1), order, title, text: `Tuyên truyền ${title.toLowerCase()}`, class: cls, group: null, keyphrases: [], negativePhrases: [],
});

export const PLAN = parsedPlanSchema.parse({
  code: '9-KH/BTG', title: 'Kế hoạch thử nghiệm 2025', issuer: 'Ban Tuyên giáo', issuedOn: '2025-01-05', signer: null, signerTitle: null,
  implements: [], purposes: '', requirements: '', forms: [], responsibleUnits: [], recipients: [], notUnderstood: [], flags: [],
  anniversaries: [
    { event: 'Ngày sinh Chủ tịch Hồ Chí Minh', date: '2025-05-19', precision: 'day', years: 135, originDate: '19/05/1890' },
    { event: 'Ngày Báo chí cách mạng Việt Nam', date: '2025-06-25', precision: 'day', years: 100, originDate: '21/06/1925' },
    { event: 'Tháng hành động vì môi trường', date: '2025-03', precision: 'month', years: null, originDate: null },
  ],
  phases: [
    { key: 'p1', label: 'Sáu tháng đầu năm', startsOn: '2025-01-01', endsOn: '2025-06-30', flags: [], themes: [
      theme('t1', 0, 'Chuyển đổi số', 'core'),
      theme('t2', 1, 'Kỷ niệm các ngày lễ lớn của đất nước', null),
    ] },
    { key: 'p2', label: 'Sáu tháng cuối năm', startsOn: '2025-07-01', endsOn: '2025-12-31', flags: [], themes: [theme('t3', 0, 'Cải cách hành chính', null)] },
  ],
});

export interface SeedPost {
  unit: string;
  day: string;
  theme?: 't1' | 't2' | 't3';
  score?: number;
  repostOf?: number;
}

/** Posts by index (ids follow the order). Anniversary a1 (19/05, window 05/05–26/05), a2 (25/06, window 11/06–02/07). */
export const POSTS: SeedPost[] = [
  { unit: 'so-a1', day: '2025-05-05', theme: 't2' }, // first day of a1's window: on time
  { unit: 'khoi-a', day: '2025-05-26', theme: 't2' }, // last day: on time
  { unit: 'khoi-b', day: '2025-05-27', theme: 't2' }, // the day after: late
  { unit: 'so-b1', day: '2025-05-04', theme: 't2' }, // the day before, and nothing after: silent
  { unit: 'so-a1', day: '2025-06-12', theme: 't2' }, // a2 (window open): on time
  { unit: 'khoi-a', day: '2025-06-01', theme: 't1', score: 3.5 },
  { unit: 'so-a1', day: '2025-06-02', theme: 't1', score: 2, repostOf: 5 }, // repost of post #5 (0-based index)
  // Khối Beta: 4 posts a week for the 8 weeks up to 08/06, then none in the week of 09/06: a sudden drop.
  ...Array.from({ length: 8 }, (_, w) => Array.from({ length: 4 }, (_, k) => ({ unit: 'khoi-b', day: addDays('2025-04-14', 7 * w + k) }))).flat(),
];

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export interface World {
  base: string;
  db: Database;
  planId: string;
  themeId: (key: 't1' | 't2' | 't3') => string;
  sourceIds: Record<string, number>;
  login(user: 'admin' | 'staff' | 'lead-a' | 'lead-b'): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function startWorld(opts: { allowPrivate?: boolean } = {}): Promise<World> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tdtt-dash-'));
  const db = await Database.open(path.join(dir, 'tdtt.duckdb'));
  await migrate(db);
  await q.upsertUnits(db, UNITS);
  const planId = await db.transaction(async (tx) => {
    const id = await q.insertPlan(tx, PLAN, 'văn bản kế hoạch', { isDefault: true });
    await q.assignPlan(tx, id, ['tinh']);
    return id;
  });
  const themeId = (key: string) => `${planId}:${key}`;
  await q.upsertSources(db, UNITS.map((u) => ({ unitId: u.id, kind: 'feed' as const, url: `http://${u.id}.example/rss.xml` })));
  const sources = await q.sourcesOfUnits(db, UNITS.map((u) => u.id));
  const sourceIds = Object.fromEntries(sources.map((s) => [s.unit_id, s.id]));
  const posts = POSTS.map((p, i) => {
    const text = `Bài số ${i} của ${p.unit} ngày ${p.day}.`;
    const url = `http://${p.unit}.example/tin/${i}`;
    return {
      sourceId: sourceIds[p.unit]!, unitId: p.unit, url, canonicalUrl: url, guid: null, title: `Tin ${i} của ${p.unit}`, text,
      publishedAt: `${p.day}T09:00:00+07:00`, firstSeenAt: `${p.day}T03:00:00Z`, flags: [], contentHash: contentHash(text), simhash: simhash(text),
    };
  });
  await db.transaction((tx) => q.insertPosts(tx, posts));
  const ids = await q.postIdsByCanonicalUrl(db, posts.map((p) => p.canonicalUrl));
  await setCurrentModelVersion(db, 'test-v1');
  await db.transaction(async (tx) => {
    await q.saveMatches(tx, 'test-v1', POSTS.map((p, i) => ({ postId: ids[i]!, matches: p.theme ? [{ themeId: themeId(p.theme), score: p.score ?? 1.5, evidence: [] }] : [] })));
    await q.setRepostOf(tx, POSTS.flatMap((p, i) => (p.repostOf !== undefined ? [{ id: ids[i]!, repostOf: ids[p.repostOf]! }] : [])));
  });
  await runRollup(db, null, NOW);
  // Sources: Sở Beta Một failing since its last success on 10/06; Khối Alpha failed once today after a success on 18/06.
  const state = (unit: string, ok: boolean, at: string) =>
    q.updateSourceState(db, { sourceId: sourceIds[unit]!, ok, error: ok ? null : 'Máy chủ gặp lỗi (HTTP 500)', errorKind: ok ? null : 'http-status', failureScore: ok ? 0 : 3, nextPollAt: '2025-06-21T00:00:00Z', at, lastSuccessAt: ok ? at : null }, NOW);
  await state('so-b1', true, '2025-06-10T01:00:00Z');
  await state('so-b1', false, '2025-06-19T01:00:00Z');
  await state('khoi-a', true, '2025-06-18T01:00:00Z');
  await state('khoi-a', false, '2025-06-19T01:00:00Z');
  await q.recordFetches(db, [
    { sourceId: sourceIds['so-b1']!, url: 'http://so-b1.example/rss.xml', at: '2025-06-19T01:00:00Z', status: 500, errorKind: 'http-status', message: 'Máy chủ gặp lỗi (HTTP 500)', durationMs: 120, bytes: 0 },
    { sourceId: sourceIds['so-b1']!, url: 'http://so-b1.example/rss.xml', at: '2025-06-10T01:00:00Z', status: 200, errorKind: null, message: null, durationMs: 80, bytes: 2048 },
  ]);
  await createAccount(db, { username: 'quantri', displayName: 'Quản trị', password: PASSWORD, role: 'admin', unitId: null });
  await createAccount(db, { username: 'canbo', displayName: 'Cán bộ', password: PASSWORD, role: 'staff', unitId: null });
  await createAccount(db, { username: 'lanhdao-a', displayName: 'Lãnh đạo Alpha', password: PASSWORD, role: 'lead', unitId: 'khoi-a' });
  await createAccount(db, { username: 'lanhdao-b', displayName: 'Lãnh đạo Beta', password: PASSWORD, role: 'lead', unitId: 'khoi-b' });
  const config = loadConfig({ DATA_DIR: dir, DEMO: 'false', ALLOW_PRIVATE_HOSTS: opts.allowPrivate ? 'loopback' : '' });
  const now = () => NOW;
  const jobs = createJobs(db, config, { now });
  const app = createApp({ db, config, runner: jobs.runner, scheduler: null, now });
  let server: ServerType | undefined;
  const base = await new Promise<string>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => resolve(`http://127.0.0.1:${info.port}`));
  });
  const users = { admin: 'quantri', staff: 'canbo', 'lead-a': 'lanhdao-a', 'lead-b': 'lanhdao-b' } as const;
  return {
    base, db, planId, themeId, sourceIds,
    login: (u) => signIn(base, users[u], PASSWORD),
    close: async () => {
      await new Promise((r) => server?.close(r));
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
