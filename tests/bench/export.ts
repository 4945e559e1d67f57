// npm run bench:export [-- --json] [--size small|full]
// The monthly coverage table (5,000 units × 60 themes at full size) exported through the real server
// on the benchmark database; prints seconds (median of 5 after a warm-up) and peak memory.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { startBenchServer } from './bench-server';
import type { BenchDb } from './generate-db';
import { parseSize } from './generate-db';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const json = argv.includes('--json');
const size = parseSize(argv);
const say = (m: string) => {
  if (!json) console.log(m);
};

// Generated (or found in the cache) in a child process; the server runs in its own (bench-server.ts).
say(`Cơ sở dữ liệu benchmark (${size})…`);
const bench = JSON.parse(
  execFileSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'tests/bench/generate-db.ts'), '--size', size, '--json'], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
    .trim()
    .split('\n')
    .pop()!,
) as BenchDb;

const server = await startBenchServer(bench.dataDir, { user: 'bench-export' });
const { cookie } = server;

async function timed(qs: string): Promise<{ seconds: number; bytes: Buffer }> {
  const t = performance.now();
  const res = await fetch(`${server.url}/api/export/coverage?plan=${bench.planId}&month=${bench.month}&${qs}`, { headers: { cookie } });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${qs}: HTTP ${res.status} ${bytes.toString().slice(0, 300)}`);
  return { seconds: (performance.now() - t) / 1000, bytes };
}

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

await timed('format=xlsx&posts=0'); // warm-up
const runs: number[] = [];
let size_ = 0;
const cpu0 = server.cpuSeconds();
for (let i = 0; i < RUNS; i++) {
  const r = await timed('format=xlsx&posts=0');
  runs.push(r.seconds);
  size_ = r.bytes.length;
}
const cpuSeconds = (server.cpuSeconds() - cpu0) / RUNS; // server and DuckDB threads: steadier than wall time on a busy machine
const csv = await timed('format=csv');
const grid = parse(csv.bytes.toString('utf8'), { bom: true }) as string[][];
const units = grid.length - 7; // title, plan, period, three header rows, totals
const themes = (grid[0]!.length - 7) / 2;
const full = json ? null : await timed('format=xlsx&posts=1');
const peakRssMB = server.peakRssMB();
await server.close();

const seconds = Number(median(runs).toFixed(3));
if (json) {
  console.log(JSON.stringify({ seconds, peakRssMB, units, themes }));
} else {
  const row = (k: string, v: string) => console.log(`${k.padEnd(44)} ${v}`);
  row('kích thước', `${size} (${bench.posts.toLocaleString('en')} bài)`);
  row('bảng tháng (đơn vị × chủ đề)', `${units} × ${themes} (${bench.month})`);
  row(`XLSX, chỉ bảng: giây (trung vị của ${RUNS})`, `${seconds.toFixed(3)}  [${runs.map((r) => r.toFixed(3)).join(', ')}]  ${(size_ / 1e6).toFixed(1)} MB`);
  row('XLSX, chỉ bảng: giây CPU mỗi lần', cpuSeconds.toFixed(3));
  row('CSV: giây', csv.seconds.toFixed(3));
  row('XLSX kèm danh sách bài được tính: giây', `${full!.seconds.toFixed(3)}  ${(full!.bytes.length / 1e6).toFixed(1)} MB`);
  row('bộ nhớ đỉnh (RSS), MB', String(peakRssMB));
  row('tải máy (load average 1 phút)', os.loadavg()[0]!.toFixed(2));
  row('mục tiêu', `< 2 s: ${seconds < 2 ? 'đạt' : 'CHƯA ĐẠT'}`);
}
