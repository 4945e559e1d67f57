// npm run bench:dashboard [-- --size small|full] [--json] [--memory-limit=64MB]
// The dashboard's API calls on the benchmark database (generate-db.ts) plus the search index, through
// the real server in its own process: p50/p95 of overview, unit, theme and search, and its peak RSS.
import { startBenchServer } from './bench-server';
import { DEFAULT_DUCKDB_MEMORY_LIMIT } from '../../server/src/config';
import { parseSize } from './generate-db';
import { indexedBenchDb, percentile } from './indexed-db';
const argv = process.argv.slice(2);
const json = argv.includes('--json');
const size = parseSize(argv);
const say = (m: string) => {
  if (!json) console.log(m);
};

const { dataDir, bench, indexSeconds, themeIds: allThemes } = await indexedBenchDb(size, { quiet: json, say });
const index = { seconds: indexSeconds };

// DuckDB's buffer pool is most of the resident memory: the server's default limit unless one is given.
const memArg = argv.find((a) => a.startsWith('--memory-limit='))?.slice('--memory-limit='.length) ?? DEFAULT_DUCKDB_MEMORY_LIMIT;
const themeIds = allThemes.filter((_, i) => i % 12 === 0);
const server = await startBenchServer(dataDir, { user: 'bench-dashboard', env: { DUCKDB_MEMORY_LIMIT: memArg } });
const { cookie } = server;

async function timed(pathname: string): Promise<{ ms: number; status: number }> {
  const t = performance.now();
  const res = await fetch(`${server.url}${pathname}`, { headers: { cookie } });
  const body = await res.arrayBuffer();
  if (res.status !== 200 && res.status !== 404) throw new Error(`${pathname}: HTTP ${res.status} ${Buffer.from(body).toString().slice(0, 300)}`);
  return { ms: performance.now() - t, status: res.status };
}

/** Warm-up round, then `rounds` rounds over the paths (requests one at a time, as one user clicks). */
async function measure(paths: string[], rounds: number): Promise<{ p50: number; p95: number; n: number } | null> {
  for (const p of paths) if ((await timed(p)).status === 404) return null;
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) for (const p of paths) ms.push((await timed(p)).ms);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), n: ms.length };
}

const planQs = `plan=${encodeURIComponent(bench.planId)}&month=${bench.month}`;
// Units of every level: the root, blocks, agencies and cells (ids are u0 … u<n-1>).
const unitIds = [0, 1, 2, 5, 50, 120, Math.floor(bench.units / 2), bench.units - 1].map((i) => `u${i}`);
// The overview page: its first screen (the province and its blocks), then a block and an agency below.
const overviewPaths = ['', '&unit=u1', `&unit=u${Math.max(4, Math.round(bench.units / 125)) + 1}`].map((u) => `/api/overview?${planQs}${u}`);
const searches = [
  'chuyển đổi số',
  'chuyen doi so',
  '"cải cách hành chính"',
  'xây dựng Đảng',
  'an sinh xã hội&kind=original',
  'nông thôn mới&unit=u1',
  'đổi mới sáng tạo&from=2025-09-01&to=2025-09-30',
  `quốc phòng an ninh&theme=${encodeURIComponent(themeIds[1] ?? '')}`,
  'kinh tế tư nhân&page=3',
  'tin 123456',
];
const rounds = 10;
say(`Đo (${rounds} lượt, mỗi lượt tuần tự)…`);
const rss = (what: string) => say(`  RSS đỉnh của máy chủ sau ${what}: ${server.peakRssMB()} MB`);
rss('khởi động');
const overview = await measure(overviewPaths, rounds * 2);
rss('tổng quan');
const unit = await measure(unitIds.map((id) => `/api/units/${id}?${planQs}`), rounds);
rss('đơn vị');
const theme = await measure(themeIds.map((id) => `/api/themes/${encodeURIComponent(id)}`), rounds);
rss('chủ đề');
const search = await measure(searches.map((s) => `/api/search?q=${s.replace(/^[^&]+/, (m) => encodeURIComponent(m))}`), rounds);
rss('tìm kiếm');
const peakRssMB = server.peakRssMB();
await server.close();

const r1 = (x: number | undefined | null) => (x === undefined || x === null ? null : Math.round(x * 10) / 10);
if (json) {
  console.log(JSON.stringify({ overviewP95Ms: r1(overview?.p95), unitP95Ms: r1(unit?.p95), themeP95Ms: r1(theme?.p95), searchP95Ms: r1(search?.p95), peakRssMB, posts: bench.posts }));
} else {
  const row = (k: string, m: { p50: number; p95: number; n: number } | null, target: number) =>
    console.log(`${k.padEnd(26)} ${m ? `${m.p50.toFixed(1).padStart(8)} ${m.p95.toFixed(1).padStart(8)} ${String(m.n).padStart(5)}   ${m.p95 < target ? 'đạt' : 'CHƯA ĐẠT'} (< ${target} ms)` : '       —        —     —   (chưa có API)'}`);
  console.log(`\nkích thước: ${size} — ${bench.units} đơn vị, ${bench.themes} chủ đề, ${bench.posts.toLocaleString('en')} bài; chỉ mục dựng ${index.seconds} s`);
  console.log(`${'lời gọi'.padEnd(26)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'số lần'.padStart(5)}`);
  row('tổng quan /api/overview', overview, 50);
  row('đơn vị /api/units/:id', unit, 50);
  row('chủ đề /api/themes/:id', theme, 50);
  row('tìm kiếm /api/search', search, 200);
  console.log(`${'bộ nhớ đỉnh (RSS), MB'.padEnd(26)} ${String(peakRssMB).padStart(8)}   ${peakRssMB <= 1024 ? 'đạt' : 'CHƯA ĐẠT'} (≤ 1 GB)`);
  console.log(`DuckDB memory_limit: ${memArg}, threads: 2`);
  console.log(`(tải máy lúc đo: ${(await import('node:os')).loadavg()[0]!.toFixed(1)} trên ${(await import('node:os')).cpus().length} lõi)`);
}
