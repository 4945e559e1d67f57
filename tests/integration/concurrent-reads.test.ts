// 40 requests at once across the dashboard endpoints, staff and a unit lead, while a roll-up rewrites
// the figures the pages read: every one answers 2xx. With DuckDB's former 64 MB serving limit this
// very burst answered 500 ("Out of Memory Error: failed to pin block"); README "Memory".
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Server } from '@tdtt/server/main';
import { getJson, seededDemoServer, signInDemo } from '../support';

let server: Server;
let remove: () => void;
let staff: Record<string, string>;
let lead: Record<string, string>;
let paths: string[];

beforeAll(async () => {
  ({ server, remove } = await seededDemoServer(inject('runDir')));
  staff = await signInDemo(server, 'staff');
  lead = await signInDemo(server, 'lead');
  const units = (await getJson(server.url, '/api/units', { headers: staff })).body.units as { id: string }[];
  const themes = (await getJson(server.url, '/api/themes', { headers: staff })).body.themes as { id: string }[];
  const post = await server.db.one<{ id: number }>(`SELECT id FROM posts ORDER BY id LIMIT 1 OFFSET 10`);
  expect(units.length).toBeGreaterThan(3);
  expect(themes.length).toBeGreaterThan(3);
  paths = [
    '/api/overview',
    `/api/overview?unit=${units[1]!.id}`,
    `/api/units/${units[2]!.id}`,
    `/api/units/${units[3]!.id}`,
    `/api/themes/${themes[0]!.id}`,
    `/api/themes/${themes[3]!.id}`,
    '/api/search?q=chuy%E1%BB%83n%20%C4%91%E1%BB%95i%20s%E1%BB%91',
    '/api/search?q=tuyen%20truyen',
    '/api/alerts',
    '/api/alerts?count=1',
    `/api/posts/${post!.id}`,
    '/api/coverage',
    '/api/anniversaries',
    '/api/plans',
    '/api/auth/me',
    '/api/export/coverage?format=xlsx&posts=0',
  ];
}, 300_000);

afterAll(async () => {
  await server?.close();
  remove?.();
});

describe('concurrent reads', () => {
  const burst = () =>
    Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const path = paths[i % paths.length]!;
        // Leads read their own subtree: the same paths, scoped (a foreign unit answers 403, so leads take the unscoped ones).
        const asLead = i % 4 === 3 && !path.startsWith('/api/units/') && !path.startsWith('/api/posts/') && !path.startsWith('/api/export');
        const res = await fetch(server.url + path, { headers: asLead ? lead : staff });
        await res.arrayBuffer();
        return { path, status: res.status };
      }),
    );
  const failures = (rs: { path: string; status: number }[]) => rs.filter((r) => r.status < 200 || r.status >= 300);
  const memoryLimit = async () => (await server.db.one<{ s: string }>(`SELECT current_setting('memory_limit') AS s`))!.s;

  it('answers 40 requests at once across the dashboard, during a roll-up and after it, all 2xx', async () => {
    const serving = await memoryLimit();
    const rollup = server.jobs.runner.runFresh('rollup');
    const during = await burst();
    await rollup;
    expect(failures(during)).toEqual([]);
    // Jobs run under a raised limit; the burst again once the serving limit is back (it was the one that failed).
    for (let i = 0; i < 300 && (await memoryLimit()) !== serving; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await memoryLimit()).toBe(serving);
    for (let round = 0; round < 3; round++) expect(failures(await burst())).toEqual([]);
    const health = await getJson(server.url, '/api/health');
    expect(health.body.reads).toMatchObject({ size: 4, active: 0, queued: 0, busy: 0, outOfMemoryFailed: 0 });
  }, 180_000);
});
