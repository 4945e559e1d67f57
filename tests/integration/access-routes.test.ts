import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { contentHash, simhash } from '@tdtt/jobs/collect';
import { createApp } from '@tdtt/server/app';
import { loadConfig } from '@tdtt/server/config';
import { parsedPlanSchema, type ParsedPlan } from '@tdtt/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/src/auth';
import { Database } from '../../server/src/db/connection';
import { migrate } from '../../server/src/db/migrate';
import * as q from '../../server/src/db/queries';
import { isPublicRoute } from '../../server/src/middleware/session';
import { createJobs } from '../../server/src/runtime/jobs';

// Every API route registered in the app (read from app.routes, so a new route cannot escape) is
// called as a unit lead with the ids of another unit: each must answer 403 (or another refusal)
// or return data of the caller's subtree only. Unauthenticated calls get 401 except sign-in and health.

const dir = mkdtempSync(path.join(tmpdir(), 'tdtt-access-'));
const NOW = new Date('2025-04-15T03:00:00Z');
const PASSWORD = 'mat-khau-kiem-thu';
let db: Database;
let app: ReturnType<typeof createApp>;

/** Two branches under one root; each lead must see only their own branch. */
const UNITS = [
  { id: 'tinh', name: 'Tỉnh ủy Thử Nghiệm', kind: 'tinh-uy', parentId: null },
  { id: 'khoi-a', name: 'Khối Alpha', kind: 'dang-uy-khoi', parentId: 'tinh' },
  { id: 'so-a1', name: 'Sở Alpha Một', kind: 'so', parentId: 'khoi-a' },
  { id: 'khoi-b', name: 'Khối Beta', kind: 'dang-uy-khoi', parentId: 'tinh' },
  { id: 'so-b1', name: 'Sở Beta Một', kind: 'so', parentId: 'khoi-b' },
];
const BRANCH = { a: ['khoi-a', 'so-a1'], b: ['khoi-b', 'so-b1'] } as const;
type Branch = keyof typeof BRANCH;
const other = (b: Branch): Branch => (b === 'a' ? 'b' : 'a');

/** Through the schema, so fields added later with defaults are filled in. */
function plan(title: string, code: string): ParsedPlan {
  return parsedPlanSchema.parse({
    code,
    title,
    issuer: 'Ban Tuyên giáo',
    issuedOn: '2025-01-05',
    signer: null,
    signerTitle: null,
    implements: [],
    purposes: '',
    requirements: '',
    phases: [
      {
        key: 'p1',
        label: 'Năm 2025',
        startsOn: '2025-01-01',
        endsOn: '2025-12-31',
        flags: [],
        themes: [
          { key: 't1', numbering: '1', order: 0, title: 'Chuyển đổi số', text: 'Tuyên truyền chuyển đổi số trong cơ quan nhà nước', class: 'core', group: null, keyphrases: ['chuyển đổi số'], negativePhrases: [] },
          { key: 't2', numbering: '2', order: 1, title: 'Phòng chống tham nhũng', text: 'Tuyên truyền phòng chống tham nhũng, tiêu cực', class: 'regular', group: null, keyphrases: ['phòng chống tham nhũng'], negativePhrases: [] },
        ],
      },
    ],
    anniversaries: [{ event: 'Ngày thành lập Đảng', date: '2025-02-03', precision: 'day', years: 95, originDate: '03/02/1930' }],
    forms: [],
    responsibleUnits: [],
    recipients: [],
    notUnderstood: [],
    flags: [],
  });
}

/** What exists per branch, to fill path params and to recognise leaks. */
const world = {
  postIds: { a: [] as string[], b: [] as string[] },
  sourceIds: { a: [] as string[], b: [] as string[] },
  planIds: { all: '', a: '', b: '' },
  adminId: '',
  markers: { a: [] as string[], b: [] as string[] },
};

function postText(unitName: string, n: number) {
  return `${unitName} tổ chức hội nghị đẩy mạnh chuyển đổi số lần ${n}, gắn với phòng chống tham nhũng trong cơ quan. Cán bộ, đảng viên thực hiện chuyển đổi số.`;
}

beforeAll(async () => {
  db = await Database.open(path.join(dir, 'tdtt.duckdb'));
  await migrate(db);
  await q.upsertUnits(db, UNITS);
  await q.upsertSources(db, [
    { unitId: 'so-a1', kind: 'feed', url: 'http://127.0.0.1:9/alpha-mot/rss.xml' },
    { unitId: 'so-b1', kind: 'feed', url: 'http://127.0.0.1:9/beta-mot/rss.xml' },
  ]);
  const sources = await q.allSources(db);
  for (const b of ['a', 'b'] as const) world.sourceIds[b] = sources.filter((s) => BRANCH[b].includes(s.unitId as never)).map((s) => String(s.id));
  await db.transaction(async (tx) => {
    world.planIds.all = await q.insertPlan(tx, plan('Kế hoạch tuyên truyền chung 2025', '1-KH/BTG'), 'văn bản', { isDefault: true });
    world.planIds.a = await q.insertPlan(tx, plan('Kế hoạch riêng của khối Alpha', '2-KH/ĐUK'), 'văn bản');
    world.planIds.b = await q.insertPlan(tx, plan('Kế hoạch riêng của khối Beta', '3-KH/ĐUK'), 'văn bản');
    await q.assignPlan(tx, world.planIds.all, ['tinh']);
    await q.assignPlan(tx, world.planIds.a, ['khoi-a']);
    await q.assignPlan(tx, world.planIds.b, ['khoi-b']);
  });
  const posts = UNITS.filter((u) => u.id !== 'tinh').flatMap((u, i) =>
    [1, 2].map((n) => {
      const text = postText(u.name, n);
      const slug = `${u.id}-bai-${n}`;
      const source = sources.find((s) => s.unitId === u.id);
      return {
        sourceId: source?.id ?? 0,
        unitId: u.id,
        url: `http://${u.id}.example/tin/${slug}`,
        canonicalUrl: `http://${u.id}.example/tin/${slug}`,
        guid: null,
        title: `Tin ${u.name} số ${n}`,
        text,
        publishedAt: `2025-0${2 + (i % 2)}-1${n}T02:00:00+07:00`,
        firstSeenAt: '2025-04-01T00:00:00Z',
        flags: [],
        contentHash: contentHash(text),
        simhash: simhash(text),
      };
    }),
  );
  await db.transaction((tx) => q.insertPosts(tx, posts));
  const stored = await db.all<{ id: number; unit_id: string }>(`SELECT id, unit_id FROM posts`);
  for (const b of ['a', 'b'] as const) world.postIds[b] = stored.filter((p) => BRANCH[b].includes(p.unit_id as never)).map((p) => String(p.id));

  const config = loadConfig({ DATA_DIR: dir, ALLOW_PRIVATE_HOSTS: '' });
  const jobs = createJobs(db, config, { now: () => NOW });
  for (const job of ['classify', 'rollup']) await (await jobs.runner.start(job)).done;
  app = createApp({ db, config, runner: jobs.runner, scheduler: null, now: () => NOW });

  world.adminId = (await createAccount(db, { username: 'quantri', displayName: 'Quản trị', password: PASSWORD, role: 'admin', unitId: null })).id;
  await createAccount(db, { username: 'canbo', displayName: 'Cán bộ', password: PASSWORD, role: 'staff', unitId: null });
  await createAccount(db, { username: 'lanhdao-a', displayName: 'Lãnh đạo Alpha', password: PASSWORD, role: 'lead', unitId: 'khoi-a' });
  await createAccount(db, { username: 'lanhdao-b', displayName: 'Lãnh đạo Beta', password: PASSWORD, role: 'lead', unitId: 'khoi-b' });

  // A leak is any of the other branch's unit ids, unit names, post titles or URLs, source URLs,
  // or the name of the root above the caller (a lead sees their parent's id, nothing about it).
  for (const b of ['a', 'b'] as const) {
    const units = UNITS.filter((u) => BRANCH[b].includes(u.id as never));
    world.markers[b] = [
      ...units.map((u) => u.id),
      ...units.map((u) => u.name),
      ...posts.filter((p) => BRANCH[b].includes(p.unitId as never)).flatMap((p) => [p.title, p.url]),
      ...sources.filter((s) => BRANCH[b].includes(s.unitId as never)).map((s) => s.url),
    ];
  }
}, 120_000);

afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Agent {
  cookie: string;
  csrf: string;
}

async function signIn(username: string): Promise<Agent> {
  const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  expect(res.status, `sign-in ${username}`).toBe(200);
  const jar = new Map(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
  return { cookie: `tdtt_session=${jar.get('tdtt_session')}; tdtt_csrf=${jar.get('tdtt_csrf')}`, csrf: jar.get('tdtt_csrf')! };
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Every (method, path) the app routes under /api; middleware-only and catch-all entries ('ALL') are tried with every method. */
function apiEndpoints(): { method: string; path: string }[] {
  const seen = new Map<string, { method: string; path: string }>();
  for (const r of app.routes) {
    if (!r.path.startsWith('/api')) continue;
    for (const method of r.method === 'ALL' ? METHODS : [r.method.toUpperCase()]) seen.set(`${method} ${r.path}`, { method, path: r.path });
  }
  return [...seen.values()];
}

/** Path param values to try: every id of the other branch, the root, a user, a job name. */
function foreignValues(of: Branch): string[] {
  const b = other(of);
  return [...BRANCH[b], 'tinh', ...world.postIds[b], world.planIds[b], ...world.sourceIds[b], world.adminId, 'collect'];
}

/** Fills `:name` (optionally `:name{regex}`) and `*` segments; one URL per combination of the first param's candidates. */
function fill(routePath: string, values: string[]): string[] {
  const params = routePath.match(/:\w+(\{[^}]*\})?/g) ?? [];
  const base = routePath.replace(/\*$/, 'x').replace(/\/\*\//g, '/x/');
  if (params.length === 0) return [base];
  return values.map((v) => params.reduce((p, name) => p.replace(name, encodeURIComponent(v)), base));
}

function foreignQuery(of: Branch): string[] {
  const b = other(of);
  const unit = BRANCH[b][0];
  const q1 = new URLSearchParams({ unit, unitId: unit, units: BRANCH[b].join(','), unit_id: unit, post: world.postIds[b][0]!, postId: world.postIds[b][0]!, sourceId: world.sourceIds[b][0]!, plan: world.planIds[b], month: '2025-03', from: '2025-01-01', to: '2025-12-31', q: 'Beta Alpha', format: 'csv' });
  const q2 = new URLSearchParams({ unit, unitId: unit, plan: world.planIds.all, month: '2025-03', format: 'xlsx' });
  return ['', `?${q1}`, `?${q2}`];
}

/** The response as text to search: JSON and CSV as they are, XLSX cell by cell. */
async function bodyText(res: Response): Promise<string> {
  const type = res.headers.get('content-type') ?? '';
  const bytes = Buffer.from(await res.arrayBuffer());
  if (/spreadsheetml|ms-excel/.test(type)) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
    return cells.join('\n');
  }
  return bytes.toString('utf8');
}

function leaks(text: string, markers: string[]): string[] {
  const normal = text.normalize('NFC');
  return markers.filter((m) => new RegExp(`(^|[^\\p{L}\\p{N}_-])${m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?=$|[^\\p{L}\\p{N}_-])`, 'u').test(normal));
}

describe('every API route', () => {
  it('is found by enumeration, including the known ones', () => {
    const listed = apiEndpoints().map((e) => `${e.method} ${e.path}`);
    for (const known of ['GET /api/coverage', 'GET /api/units', 'GET /api/units/:id', 'GET /api/posts/:id', 'GET /api/plans/:id', 'POST /api/jobs/:job/run', 'GET /api/users', 'GET /api/audit', 'POST /api/auth/login']) {
      expect(listed).toContain(known);
    }
  });

  it('answers 401 without a session, except sign-in and health', async () => {
    const wrong: string[] = [];
    for (const { method, path: p } of apiEndpoints()) {
      for (const url of fill(p, foreignValues('a'))) {
        const res = await app.request(url, { method, headers: { 'Content-Type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
        const isPublic = isPublicRoute(method, url);
        if (isPublic ? res.status === 401 : res.status !== 401) wrong.push(`${method} ${url} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect((await app.request('/api/health')).status).toBe(200);
  });
});

describe.each(['a', 'b'] as const)('a lead of branch %s', (mine) => {
  const theirs = other(mine);
  let lead: Agent;
  beforeAll(async () => {
    lead = await signIn(`lanhdao-${mine}`);
  });

  it('reaches their own data (so the checks below are not vacuous)', async () => {
    const units = (await (await app.request('/api/units', { headers: { Cookie: lead.cookie } })).json()) as { units: { id: string }[] };
    expect(units.units.map((u) => u.id).sort()).toEqual([...BRANCH[mine]].sort());
    for (const url of [`/api/units/${BRANCH[mine][1]}`, `/api/posts/${world.postIds[mine][0]}`, '/api/coverage']) {
      const res = await app.request(url, { headers: { Cookie: lead.cookie } });
      expect(res.status, url).toBe(200);
      const text = await bodyText(res);
      expect(leaks(text, world.markers[mine]).length, url).toBeGreaterThan(0);
      expect(leaks(text, world.markers[theirs]), url).toEqual([]);
    }
  });

  it('gets 403 or only their subtree from every GET route, with every foreign id in the path and the query', async () => {
    const wrong: string[] = [];
    let tried = 0;
    for (const { method, path: p } of apiEndpoints().filter((e) => e.method === 'GET')) {
      for (const url of fill(p, foreignValues(mine))) {
        for (const query of foreignQuery(mine)) {
          const res = await app.request(url + query, { headers: { Cookie: lead.cookie } });
          tried++;
          if (res.status === 401 || res.status >= 500) wrong.push(`${method} ${url}${query} → ${res.status}`);
          if (res.status >= 200 && res.status < 300) {
            const found = leaks(await bodyText(res), world.markers[theirs]);
            if (found.length) wrong.push(`${method} ${url}${query} → ${res.status} shows ${found.join(', ')}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(tried).toBeGreaterThan(20);
  });

  it('is refused on every write route with foreign ids (never 2xx), with a valid CSRF token', async () => {
    const wrong: string[] = [];
    const b = theirs;
    const body = JSON.stringify({ unitId: BRANCH[b][0], unit: BRANCH[b][0], parentId: BRANCH[b][0], postId: world.postIds[b][0], planId: world.planIds[b], themeId: `${world.planIds[b]}:t1`, accepted: true, reason: 'x', url: 'http://127.0.0.1:9/x', role: 'admin', username: 'moi-tao', password: 'mat-khau-moi-123', displayName: 'x', text: 'x', disabled: false });
    for (const { method, path: p } of apiEndpoints().filter((e) => e.method !== 'GET')) {
      for (const url of fill(p, foreignValues(mine))) {
        // Sign-in is public and sign-out acts on the caller's own session only.
        if (url === '/api/auth/login' || url === '/api/auth/logout') continue;
        const res = await app.request(url, { method, headers: { Cookie: lead.cookie, 'X-CSRF-Token': lead.csrf, 'Content-Type': 'application/json' }, body });
        if (res.status < 400 || res.status === 401 || res.status >= 500) wrong.push(`${method} ${url} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect((await app.request('/api/auth/me', { headers: { Cookie: lead.cookie } })).status).toBe(200);
  });
});

describe('staff', () => {
  it('see both branches (the leak check recognises foreign data when it is there)', async () => {
    const staff = await signIn('canbo');
    const text = await bodyText(await app.request('/api/coverage', { headers: { Cookie: staff.cookie } }));
    expect(leaks(text, world.markers.a).length).toBeGreaterThan(0);
    expect(leaks(text, world.markers.b).length).toBeGreaterThan(0);
    expect((await app.request(`/api/posts/${world.postIds.b[0]}`, { headers: { Cookie: staff.cookie } })).status).toBe(200);
  });
});
