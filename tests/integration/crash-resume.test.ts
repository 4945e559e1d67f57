import { afterAll, describe, expect, it } from 'vitest';
import type { Server } from '@tdtt/server/main';
import { getJson, signIn, startTestServer, tempDir } from '../support';
import { startBuiltServer } from '../support/built-server';

// Issue 6: after a kill -9 mid-collection, the next start loses no committed post and resumes cleanly.

const tmp = tempDir('tdtt-crash-');
let server: Server | null = null;
afterAll(async () => {
  await server?.close();
  tmp.remove();
});

// The crashing process is the server as users run it (the built bundle, `npm run serve`'s settings):
// its demo collection goes through the bundle's worker threads too.
const startChild = () =>
  startBuiltServer({ PORT: '0', DATA_DIR: tmp.dir, SCHEDULER: 'false', COLLECT_ON_START: 'true', HORIZON_DAYS: '600', COLLECT_CONCURRENCY: '2' });

describe('kill -9 during a collection', () => {
  it('keeps every committed post, closes the broken run and completes on the next start', async () => {
    const child = await startChild();
    const staff = await signIn(child.url, 'canbo.btg', 'demo-canbo-btg');
    // wait until the collection has stored some posts, then kill the process without warning
    const deadline = Date.now() + 120_000;
    for (;;) {
      const { body } = await getJson(child.url, '/api/jobs', { headers: staff });
      const run = (body.running as { job: string; done: number; total: number }[]).find((r) => r.job === 'collect');
      if (run && run.done >= 5 && run.done < run.total) break;
      if (Date.now() > deadline) throw new Error('collection never got under way');
      await new Promise((r) => setTimeout(r, 100));
    }
    await child.stop('SIGKILL');

    server = await startTestServer({ dataDir: tmp.dir });
    const kept = (await server.db.one<{ n: number }>(`SELECT count(*) AS n FROM posts`))!.n;
    expect(kept).toBeGreaterThan(0);
    const runs = await server.db.all<{ job: string; status: string; error: string | null }>(`SELECT job, status, error FROM job_runs ORDER BY id`);
    expect(runs.find((r) => r.job === 'collect')).toMatchObject({ status: 'error' });
    expect(runs.some((r) => r.status === 'running')).toBe(false);

    await server.jobs.runPipeline();
    const world = server.demo!.world;
    const counts = await server.db.all<{ unit_id: string; n: number }>(`SELECT unit_id, count(*) AS n FROM posts GROUP BY unit_id`);
    const stored = new Map(counts.map((r) => [r.unit_id, r.n]));
    for (const unit of world.units) expect(stored.get(unit.id) ?? 0, unit.id).toBe(world.truth.postsByUnit(unit.id).length);
    const last = await server.db.one<{ status: string }>(`SELECT status FROM job_runs WHERE job = 'rollup' ORDER BY id DESC LIMIT 1`);
    expect(last!.status).toBe('ok');
  }, 400_000);
});
