// npm run job -- collect|classify|rollup|all [--json]
// Runs a scheduled job once, without the HTTP server, with progress on stderr.
// Run it while the server is stopped: DuckDB lets one process write the file.
import { ConfigError, loadConfig } from '../config';
import { openCliDatabase } from './open-database';
import { closeAbandonedRuns } from '../db/queries';
import { createJobs } from '../runtime/jobs';

const JOBS = ['collect', 'classify', 'rollup'] as const;
const USAGE = `Cách dùng: npm run job -- ${[...JOBS, 'all'].join('|')} [--json]`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const name = args.find((a) => !a.startsWith('--'));
  if (!name || ![...JOBS, 'all'].includes(name)) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig({ ...process.env, SCHEDULER: 'false', COLLECT_ON_START: 'false' });
  const db = await openCliDatabase(config);
  if (!db) return 1;
  const log = (msg: string) => console.error(msg);
  await closeAbandonedRuns(db, new Date());
  // The demo's sources live on its loopback sites: they must be up to be collected.
  const demo = config.demo ? await (await import('../runtime/demo')).bootDemo(db, config, {}) : null;
  const jobs = createJobs(db, config, { log: (m, e) => log(`${m}${e instanceof Error ? `: ${e.message}` : ''}`) });
  const timer = setInterval(() => {
    for (const r of jobs.runner.runningJobs()) if (r.total) log(`${r.job}: ${r.done}/${r.total}`);
  }, 2000);
  const results: Record<string, unknown> = {};
  let status = 0;
  try {
    for (const job of name === 'all' ? JOBS : [name]) {
      log(`${job}…`);
      results[job] = await jobs.runner.run(job);
    }
  } catch (err) {
    log(`Lỗi: ${err instanceof Error ? err.message : String(err)}`);
    status = 1;
  } finally {
    clearInterval(timer);
    await jobs.close();
    await demo?.close();
    await db.close();
  }
  console.log(json ? JSON.stringify(results) : Object.entries(results).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n'));
  return status;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(err instanceof ConfigError ? 2 : 1);
  },
);
