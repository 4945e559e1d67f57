import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/src/db/connection';
import { repoRoot, tempDir } from '../support';

// Every job can be run once from the command line (issue 6), recorded like a scheduled run.

const tmp = tempDir('tdtt-job-cli-');
afterAll(() => tmp.remove());

function runJob(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'server/src/cli/run-job.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: tmp.dir, DEMO: 'false' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm run job', () => {
  it('runs collect, classify and rollup once and records each run', async () => {
    const r = runJob('all', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, Record<string, unknown>>;
    expect(Object.keys(out)).toEqual(['collect', 'classify', 'rollup']);
    expect(out.collect).toMatchObject({ sources: 0, newPosts: 0 });
    expect(out.classify).toMatchObject({ classified: 0 });
    const db = await Database.open(path.join(tmp.dir, 'tdtt.duckdb'));
    try {
      const runs = await db.all<{ job: string; status: string }>(`SELECT job, status FROM job_runs ORDER BY id`);
      expect(runs).toEqual([
        { job: 'collect', status: 'ok' },
        { job: 'classify', status: 'ok' },
        { job: 'rollup', status: 'ok' },
      ]);
    } finally {
      await db.close();
    }
  });

  it('refuses an unknown job with the usage', () => {
    const r = runJob('dance');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Cách dùng: npm run job -- collect\|classify\|rollup\|all/);
  });
});
