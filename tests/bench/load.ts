// npm run bench:load [-- --db demo|small] [--minutes 10] [--users 50] [--burst 40] [--json]
// Many people using the dashboard at once, through the real server in its own process (as
// `npm run serve` runs it), while the jobs run: 50 virtual users (staff and unit leads) each load a
// page — every API call that page makes, in the order and grouping the web app makes them — then
// pause 5–15 s, for --minutes; meanwhile a collection, a classification, a roll-up and a plan import
// with its re-classification run one after another, again and again. --burst N: N calls at once, no
// pauses, round after round. Prints requests, 5xx, transport errors, p50/p95 per endpoint and per
// page, and the server's resident memory at start, end and maximum (and per third of the run).
// Targets (README "Benchmarks"): 0 5xx and 0 transport errors in both modes; a page p95 ≤ 500 ms
// with pauses (search ≤ 1 s); memory flat: the last third's maximum within 10 % of the first third's.
import { copyFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Database } from '../../server/src/db/connection';
import { migrate } from '../../server/src/db/migrate';
import * as q from '../../server/src/db/queries';
import { signIn, tempDir } from '../support';
import { startBuiltServer } from '../support/built-server';
import { benchPassword, startBenchServer } from './bench-server';
import { startFixture } from './collect-api';
import { benchPlanText } from './generate-db/plan-text';
import { indexedBenchDb, percentile } from './indexed-db';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1]! : (argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt);
};
const json = argv.includes('--json');
const dbKind = arg('db', 'demo');
if (dbKind !== 'demo' && dbKind !== 'small' && dbKind !== 'full') throw new Error(`--db phải là demo, small hoặc full (nhận: ${dbKind})`);
const minutes = Number(arg('minutes', '10'));
const users = Number(arg('users', '50'));
const burst = argv.some((a) => a === '--burst' || a.startsWith('--burst=')) ? Number(arg('burst', '40')) : 0;
if (!(minutes > 0) || !(users > 0) || Number.isNaN(burst)) throw new Error('--minutes, --users, --burst phải là số dương');
const say = (m: string) => {
  if (!json) console.error(m);
};

type Headers = Record<string, string>;
interface Account {
  headers: Headers;
  role: 'staff' | 'lead';
  /** The units this account may open (a lead: their subtree). */
  units: string[];
}

// ---------- the server and its accounts ----------
const tmp = tempDir('tdtt-bench-load-');
let url: string;
let pid: number;
let stopServer: () => Promise<void>;
let admin: Headers;
const accounts: Account[] = [];
let stopFixture = () => undefined as void;

async function accountOf(headers: Headers, role: 'staff' | 'lead'): Promise<Account> {
  const res = await fetch(`${url}/api/units`, { headers });
  const units = ((await res.json()) as { units: { id: string }[] }).units.map((u) => u.id);
  return { headers, role, units };
}

if (dbKind === 'demo') {
  say('Thế giới demo: khởi động, thu thập lần đầu…');
  const server = await startBuiltServer({
    PORT: '0', HOST: '127.0.0.1', DATA_DIR: tmp.dir, DEMO: 'true', SCHEDULER: 'false', COLLECT_ON_START: 'true',
    WEB_DIR: path.join(repoRoot, 'web/build'),
  }, { log: Boolean(process.env.BENCH_SERVER_LOG), timeoutMs: 120_000 });
  ({ url } = server);
  pid = server.child.pid!;
  stopServer = () => server.stop('SIGTERM');
  admin = await signIn(url, 'quantri', 'demo-quantri');
  await waitForJobs(600_000);
  accounts.push(await accountOf(await signIn(url, 'canbo.btg', 'demo-canbo-btg'), 'staff'));
  const listed = (await (await fetch(`${url}/api/users`, { headers: admin })).json()) as { users: { username: string; role: string; unitId: string | null }[] };
  for (const u of listed.users.filter((x) => x.role === 'lead')) accounts.push(await accountOf(await signIn(url, u.username, `demo-${u.unitId}`), 'lead'));
} else {
  // A copy of the indexed benchmark database: the run adds posts and plan versions to it.
  const { dataDir, bench } = await indexedBenchDb(dbKind, { quiet: json, say });
  say('Sao chép cơ sở dữ liệu…');
  copyFileSync(path.join(dataDir, 'tdtt.duckdb'), path.join(tmp.dir, 'tdtt.duckdb'));
  // Forty units get a real source each (feeds on loopback), so the collection fetches and stores posts.
  const fixture = await startFixture(4);
  stopFixture = fixture.stop;
  const db = await Database.open(path.join(tmp.dir, 'tdtt.duckdb'));
  try {
    await migrate(db);
    await q.upsertSources(db, Array.from({ length: 40 }, (_, i) => ({ unitId: `u${i + 10}`, kind: 'feed' as const, url: `${fixture.origins[i % 4]}/bench/${i}/feed.xml?items=25` })));
  } finally {
    await db.close();
  }
  const leadUnits = [1, 2, Math.round(bench.units / 125) + 1, Math.round(bench.units / 125) + 12].map((i) => `u${i}`);
  const server = await startBenchServer(tmp.dir, {
    user: 'bench-load-staff',
    env: { ALLOW_PRIVATE_HOSTS: 'loopback', COLLECT_HOST_DELAY_MS: '0' },
    accounts: [{ username: 'bench-load-admin', role: 'admin', unitId: null }, ...leadUnits.map((u) => ({ username: `bench-lead-${u}`, role: 'lead' as const, unitId: u }))],
  });
  ({ url, pid } = server);
  stopServer = () => server.close();
  admin = await signIn(url, 'bench-load-admin', benchPassword('bench-load-admin'));
  accounts.push(await accountOf(await signIn(url, 'bench-load-staff', benchPassword('bench-load-staff')), 'staff'));
  for (const u of leadUnits) accounts.push(await accountOf(await signIn(url, `bench-lead-${u}`, benchPassword(`bench-lead-${u}`)), 'lead'));
}

// What pages open: themes and some posts (found through the search, as people reach them).
const staff = accounts.find((a) => a.role === 'staff')!;
const themeIds = ((await (await fetch(`${url}/api/themes`, { headers: staff.headers })).json()) as { themes: { id: string }[] }).themes.map((t) => t.id);
const postIds: string[] = [];
for (const word of ['tuyên truyền', 'chuyển đổi số', 'nghị quyết']) {
  const r = (await (await fetch(`${url}/api/search?q=${encodeURIComponent(word)}`, { headers: staff.headers })).json()) as { hits?: { id: string }[] };
  postIds.push(...(r.hits ?? []).map((h) => h.id));
}
if (!themeIds.length || !postIds.length) throw new Error('no themes or posts to open');
const SEARCHES = ['chuyển đổi số', 'chuyen doi so', 'cải cách hành chính', 'nghị quyết', 'hội nghị triển khai', 'an sinh xã hội', 'nông thôn mới', 'xây dựng Đảng'];

// ---------- measurement ----------
const byEndpoint = new Map<string, number[]>();
const byPage = new Map<string, number[]>();
const counts = { requests: 0, status5xx: 0, transportErrors: 0, status503: 0, otherNon2xx: 0 };
const failures: string[] = [];
const pick = <T,>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const push = (m: Map<string, number[]>, k: string, v: number) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);

/** One API call, timed under its endpoint's name (the path with ids replaced). */
async function call(a: Account, pathname: string): Promise<unknown> {
  const name = pathname.replace(/\?.*$/, '').replace(/\/api\/(units|themes|posts|plans)\/[^/]+/, '/api/$1/:id');
  const t = performance.now();
  counts.requests++;
  try {
    const res = await fetch(url + pathname, { headers: a.headers });
    const body = Buffer.from(await res.arrayBuffer());
    push(byEndpoint, name, performance.now() - t);
    if (res.status >= 500) {
      counts.status5xx++;
      if (res.status === 503) counts.status503++;
      if (failures.length < 10) failures.push(`${res.status} ${pathname}: ${body.toString().slice(0, 200)}`);
    } else if (res.status >= 300) {
      counts.otherNon2xx++;
      if (failures.length < 10) failures.push(`${res.status} ${pathname}: ${body.toString().slice(0, 200)}`);
    }
    return (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(body.toString()) : null;
  } catch (err) {
    counts.transportErrors++;
    if (failures.length < 10) failures.push(`transport ${pathname}: ${String(err)}`);
    return null;
  }
}

/** The pages of the web app and the calls each makes (the +page.ts files under web/src/routes, and +layout.ts). */
const PAGES: Record<string, (a: Account) => Promise<unknown>> = {
  overview: async (a) => {
    const unit = a.role === 'lead' || Math.random() < 0.5 ? '' : `?unit=${pick(a.units)}`;
    const [o] = (await Promise.all([call(a, `/api/overview${unit}`), call(a, '/api/plans')])) as [{ plan?: { id: string } } | null, unknown];
    if (o?.plan) await call(a, `/api/plans/${encodeURIComponent(o.plan.id)}`);
  },
  unit: (a) => call(a, `/api/units/${pick(a.units)}`),
  theme: (a) => call(a, `/api/themes/${encodeURIComponent(pick(themeIds))}${a.role === 'lead' ? `?unit=${a.units[0]}` : ''}`),
  search: async (a) => {
    await Promise.all([call(a, '/api/units'), call(a, '/api/themes')]);
    await call(a, `/api/search?q=${encodeURIComponent(pick(SEARCHES))}`);
  },
  alerts: (a) => call(a, '/api/alerts'),
  post: (a) => call(a, `/api/posts/${pick(postIds)}`),
  export: (a) => call(a, `/api/export/coverage?format=xlsx${a.role === 'lead' ? `&unit=${a.units[0]}` : ''}`),
};
/** How often each page is opened: the overview most, an export now and then. */
const MIX: [string, number][] = [['overview', 30], ['unit', 20], ['theme', 15], ['search', 15], ['alerts', 8], ['post', 10], ['export', 2]];
function choosePage(): string {
  let r = Math.random() * MIX.reduce((s, [, w]) => s + w, 0);
  for (const [p, w] of MIX) if ((r -= w) < 0) return p;
  return 'overview';
}

async function loadPage(a: Account, page: string): Promise<void> {
  const t = performance.now();
  // Every page: the layout's signed-in user and the alert badge, beside the page's own calls.
  await Promise.all([call(a, '/api/auth/me'), call(a, '/api/alerts?count=1'), PAGES[page]!(a)]);
  push(byPage, page, performance.now() - t);
}

// ---------- resident memory of the server process ----------
const rssSamples: { t: number; mb: number }[] = [];
const rssMB = () => {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
};

// ---------- the jobs, one after another, as long as the run lasts ----------
async function waitForJobs(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  await new Promise((r) => setTimeout(r, 500));
  while (Date.now() < until) {
    // A reset keep-alive socket is retried: this poll is the harness's, not a measured call.
    const res = await fetch(`${url}/api/jobs`, { headers: admin }).catch(() => null);
    if (res && res.status !== 200 && res.status !== 503) throw new Error(`GET /api/jobs: ${res.status} ${await res.text()}`);
    const r = res?.status === 200 ? ((await res.json()) as { running: unknown[] }) : null;
    if (r && r.running.length === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}
const jobStats = { cycles: 0, started: 0, refused: 0 };
let running = true;
async function jobLoop(): Promise<void> {
  const post = (pathname: string, body?: unknown) =>
    fetch(url + pathname, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  while (running) {
    for (const job of ['collect', 'classify', 'rollup']) {
      if (!running) return;
      const res = await post(`/api/jobs/${job}/run`);
      await res.arrayBuffer();
      if (res.status < 300) jobStats.started++;
      else jobStats.refused++;
      await waitForJobs(minutes * 60_000);
    }
    if (!running) return;
    // A plan import: stored, then re-classification and roll-up start on their own.
    const res = await post('/api/plans/import', { text: benchPlanText() });
    await res.arrayBuffer();
    if (res.status < 300) jobStats.started++;
    else jobStats.refused++;
    await waitForJobs(minutes * 60_000);
    jobStats.cycles++;
    await new Promise((r) => setTimeout(r, 5000));
  }
}

// ---------- the run ----------
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const startedAt = performance.now();
const endAt = startedAt + minutes * 60_000;
const rssStart = rssMB();
const sampler = setInterval(() => rssSamples.push({ t: performance.now() - startedAt, mb: rssMB() }), 1000);
say(`Đo: ${burst ? `${burst} lời gọi cùng lúc, không nghỉ` : `${users} người dùng, nghỉ 5–15 s`} trong ${minutes} phút, công việc chạy song song…`);
const jobs = jobLoop();
if (burst) {
  for (let round = 0; performance.now() < endAt; round++) {
    await Promise.all(Array.from({ length: burst }, (_, i) => loadPage(accounts[i % accounts.length]!, choosePage())));
  }
} else {
  await Promise.all(
    Array.from({ length: users }, async (_, i) => {
      // Staff and leads: one in five virtual users is a unit lead (when there are leads).
      const leads = accounts.filter((a) => a.role === 'lead');
      const a = i % 5 === 4 && leads.length ? leads[i % leads.length]! : staff;
      await sleep(Math.random() * 5000); // people do not all arrive in the same millisecond
      while (performance.now() < endAt) {
        await loadPage(a, choosePage());
        await sleep(5000 + Math.random() * 10_000);
      }
    }),
  );
}
running = false;
await jobs;
clearInterval(sampler);
const rssEnd = rssMB();
await stopServer();
stopFixture();
tmp.remove();

// ---------- report ----------
const total = (performance.now() - startedAt) / 60_000;
const third = (k: number) => Math.max(0, ...rssSamples.filter((s) => s.t >= (k * total * 60_000) / 3 && s.t < ((k + 1) * total * 60_000) / 3).map((s) => s.mb));
const rss = {
  startMB: rssStart,
  endMB: rssEnd,
  maxMB: Math.max(rssStart, rssEnd, ...rssSamples.map((s) => s.mb)),
  firstThirdMaxMB: third(0),
  lastThirdMaxMB: third(2),
};
const flat = rss.lastThirdMaxMB <= rss.firstThirdMaxMB * 1.1;
const stats = (m: Map<string, number[]>) =>
  Object.fromEntries([...m].sort().map(([k, xs]) => [k, { n: xs.length, p50Ms: Math.round(percentile(xs, 50)), p95Ms: Math.round(percentile(xs, 95)) }]));
const pages = stats(byPage);
const pageTargetMet = burst ? null : Object.entries(pages).every(([k, v]) => v.p95Ms <= (k === 'search' ? 1000 : 500));
const result = {
  db: dbKind,
  mode: burst ? `burst ${burst}` : `${users} users, pauses 5–15 s`,
  minutes: Math.round(total * 10) / 10,
  ...counts,
  jobs: jobStats,
  endpoints: stats(byEndpoint),
  pages,
  rss: { ...rss, flat },
  targets: { no5xx: counts.status5xx === 0, noTransportErrors: counts.transportErrors === 0, pageP95: pageTargetMet, memoryFlat: flat },
  load: Math.round(os.loadavg()[0]! * 10) / 10,
};
if (json) {
  console.log(JSON.stringify(result));
} else {
  console.log(`\nbench:load — ${dbKind}, ${result.mode}, ${result.minutes} phút; công việc: ${jobStats.cycles} vòng (thu thập → phân loại → tổng hợp → nhập kế hoạch)`);
  console.log(`lời gọi ${counts.requests}, 5xx ${counts.status5xx} (503: ${counts.status503}), lỗi kết nối ${counts.transportErrors}, khác 2xx ${counts.otherNon2xx}`);
  const table = (title: string, s: Record<string, { n: number; p50Ms: number; p95Ms: number }>) => {
    console.log(`\n${title.padEnd(34)} ${'số lần'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)}`);
    for (const [k, v] of Object.entries(s)) console.log(`${k.padEnd(34)} ${String(v.n).padStart(7)} ${String(v.p50Ms).padStart(7)} ${String(v.p95Ms).padStart(7)}`);
  };
  table('lời gọi API', result.endpoints);
  table('trang (mọi lời gọi của trang)', pages);
  console.log(`\nRSS máy chủ: đầu ${rss.startMB} MB, cuối ${rss.endMB} MB, tối đa ${rss.maxMB} MB; tối đa 1/3 đầu ${rss.firstThirdMaxMB} MB, 1/3 cuối ${rss.lastThirdMaxMB} MB → ${flat ? 'phẳng' : 'TĂNG'}`);
  console.log(`mục tiêu: 0 5xx ${counts.status5xx === 0 ? 'đạt' : 'CHƯA ĐẠT'}; 0 lỗi kết nối ${counts.transportErrors === 0 ? 'đạt' : 'CHƯA ĐẠT'}; p95 trang ≤ 500 ms (tìm kiếm ≤ 1 s) ${pageTargetMet === null ? '— (chế độ dồn dập)' : pageTargetMet ? 'đạt' : 'CHƯA ĐẠT'}; bộ nhớ phẳng ${flat ? 'đạt' : 'CHƯA ĐẠT'}`);
  if (failures.length) console.log(`\nví dụ lỗi:\n  ${failures.join('\n  ')}`);
  console.log(`(tải máy: ${result.load} trên ${os.cpus().length} lõi)`);
}
