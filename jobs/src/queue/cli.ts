import { parseArgs } from 'node:util';
import { queueTiming } from './collect-queue';
import { startCollector } from './collector';

// npm run collector -- --queue postgres://… [--concurrency 16] [--per-host 2] [--host-delay-ms 250] [--allow-private loopback]
// A collector process: takes "collect source" jobs until stopped (SIGINT/SIGTERM finish the sources under way).

const USAGE = 'Cách dùng: npm run collector -- --queue postgres://người-dùng@máy:5432/csdl [--concurrency 16] [--per-host 2] [--host-delay-ms 250] [--allow-private loopback] [--job-timeout-seconds 900] [--host-lease-ms 45000]';

function log(msg: string, err?: unknown) {
  const detail = err instanceof Error ? `: ${err.message}` : err ? `: ${String(err)}` : '';
  console.error(`[${new Date().toISOString()}] ${msg}${detail}`);
}

function int(name: string, v: string | undefined, dflt: number, min: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} phải là số nguyên ≥ ${min}\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: {
      queue: { type: 'string' },
      concurrency: { type: 'string' },
      'per-host': { type: 'string' },
      'host-delay-ms': { type: 'string' },
      'allow-private': { type: 'string' },
      'horizon-days': { type: 'string' },
      'job-timeout-seconds': { type: 'string' },
      'host-lease-ms': { type: 'string' },
    },
  });
  const queueUrl = values.queue ?? process.env.QUEUE_URL;
  if (!queueUrl || !/^postgres(ql)?:\/\//.test(queueUrl)) {
    console.error(`Thiếu hoặc sai địa chỉ hàng đợi (--queue hoặc QUEUE_URL)\n${USAGE}`);
    process.exit(2);
  }
  const collector = await startCollector({
    queueUrl,
    concurrency: int('concurrency', values.concurrency, 16, 1),
    hosts: {
      perHost: int('per-host', values['per-host'], 2, 1),
      minDelayMs: int('host-delay-ms', values['host-delay-ms'], 250, 0),
      leaseMs: int('host-lease-ms', values['host-lease-ms'], 45_000, 1000),
    },
    allowPrivate: (values['allow-private'] ?? process.env.ALLOW_PRIVATE_HOSTS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    horizonDays: int('horizon-days', values['horizon-days'], 548, 1),
    timing: queueTiming(int('job-timeout-seconds', values['job-timeout-seconds'] ?? process.env.QUEUE_JOB_TIMEOUT_SECONDS, 900, 5)),
    log,
  });
  log(`bộ thu thập đang chạy (${values.concurrency ?? 16} nguồn một lúc)`);
  const stop = async () => {
    log('đang dừng: chờ các nguồn đang thu thập…');
    await collector.stop();
    log(`đã dừng: ${collector.stats.sources} nguồn, ${collector.stats.newPosts} bài mới`);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main();
