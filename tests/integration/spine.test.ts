import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '@tdtt/server/main';
import { getJson as getJsonAs, signInDemo, startTestServer, tempDir } from '../support';

// The whole path once, with real parts: demo sites on loopback → collection → DuckDB →
// classification → roll-up → API, compared with what the demo generator knows it wrote.

const tmp = tempDir('tdtt-spine-');
let server: Server;
let staff: Record<string, string>;
/** Every API call as the demo's staff member (sees all units). */
const getJson = (base: string, pathname: string) => getJsonAs(base, pathname, { headers: staff });

beforeAll(async () => {
  server = await startTestServer({ dataDir: tmp.dir });
  await server.jobs.runPipeline();
  staff = await signInDemo(server, 'staff');
}, 300_000);

afterAll(async () => {
  await server?.close();
  tmp.remove();
});

async function unitTotals(unitId: string, planId: string) {
  const { status, body } = await getJson(server.url, `/api/units/${unitId}?plan=${planId}`);
  expect(status).toBe(200);
  return body as { scoreSeries: { month: string; score: number; postCount: number }[] };
}

describe('spine on the demo world', () => {
  it('reports a healthy database', async () => {
    const { status, body } = await getJson(server.url, '/api/health');
    expect(status).toBe(200);
    expect(body.db).toBe('ok');
  });

  it('stores exactly the posts each unit published', async () => {
    const world = server.demo!.world;
    const counts = await server.db.all<{ unit_id: string; n: number }>(`SELECT unit_id, count(*) AS n FROM posts GROUP BY unit_id`);
    const stored = new Map(counts.map((r) => [r.unit_id, r.n]));
    for (const unit of world.units) {
      expect(stored.get(unit.id) ?? 0, unit.id).toBe(world.truth.postsByUnit(unit.id).length);
    }
  });

  it('reports per-unit post counts through the API that match the generator for every unit', async () => {
    const world = server.demo!.world;
    const planId = server.demo!.planIds.parent;
    const picked = [world.units[0]!.id, world.truth.silentUnitId, world.truth.repostUnitIds[0]!, world.units[world.units.length - 1]!.id];
    for (const unitId of picked) {
      const series = (await unitTotals(unitId, planId)).scoreSeries;
      const byMonth = new Map<string, number>();
      for (const p of world.truth.postsByUnit(unitId)) {
        const m = vnMonth(p.publishedAt);
        byMonth.set(m, (byMonth.get(m) ?? 0) + 1);
      }
      for (const s of series) expect(s.postCount, `${unitId} ${s.month}`).toBe(byMonth.get(s.month) ?? 0);
      expect(series.reduce((a, s) => a + s.postCount, 0), unitId).toBe(world.truth.postsByUnit(unitId).length);
    }
  });

  it('finds the silent unit silent for its last three months', async () => {
    const world = server.demo!.world;
    const series = (await unitTotals(world.truth.silentUnitId, server.demo!.planIds.parent)).scoreSeries;
    expect(series.slice(-3).map((s) => s.postCount)).toEqual([0, 0, 0]);
    expect(series.slice(0, -3).some((s) => s.postCount > 0)).toBe(true);
  });

  it('marks the reposting units’ copies of central articles as reposts', async () => {
    const world = server.demo!.world;
    for (const unitId of world.truth.repostUnitIds) {
      const truth = world.truth.postsByUnit(unitId).filter((p) => p.truth.repostOf !== null).length;
      const row = await server.db.one<{ n: number }>(`SELECT count(*) AS n FROM posts WHERE unit_id = $1 AND repost_of IS NOT NULL`, [unitId]);
      expect(row!.n, unitId).toBe(truth);
    }
  });

  it('classifies theme posts close to the generator’s truth (coverage API, three units)', async () => {
    const world = server.demo!.world;
    const planId = server.demo!.planIds.parent;
    const plan = (await getJson(server.url, `/api/plans/${planId}`)).body.plan as { phases: { themes: { id: string }[] }[] };
    const slugOf = new Map<string, string>();
    for (const t of world.themes.filter((t) => t.planKey === 'parent')) {
      const id = plan.phases[t.phaseIndex]?.themes[t.orderInPhase]?.id;
      if (id) slugOf.set(id, t.slug);
    }
    expect(slugOf.size).toBe(world.themes.filter((t) => t.planKey === 'parent').length);
    const units = [world.units[0]!.id, ...world.units.slice(1).filter((u) => world.profiles[u.id] === 'diligent').slice(0, 2).map((u) => u.id)];
    const { body: first } = await getJson(server.url, `/api/coverage?plan=${planId}`);
    let truthTotal = 0;
    let diff = 0;
    for (const month of first.months as string[]) {
      const { body } = await getJson(server.url, `/api/coverage?plan=${planId}&month=${month}`);
      for (const unitId of units) {
        const row = body.units.find((u: { id: string }) => u.id === unitId);
        body.themes.forEach((t: { id: string }, i: number) => {
          const got = row.counts[i].own + row.counts[i].repost;
          const want = world.truth.themeCount(unitId, slugOf.get(t.id)!, month);
          truthTotal += want;
          diff += Math.abs(got - want);
        });
      }
    }
    expect(truthTotal).toBeGreaterThan(30);
    // Stated tolerance for the classifier: total absolute error ≤ 25% of the true theme posts.
    expect(diff / truthTotal).toBeLessThanOrEqual(0.25);
  });

  it('answers bad input with a 400 naming the field, unknown plans with 404', async () => {
    const bad = await getJson(server.url, '/api/coverage?month=2025-13');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/month/);
    const unknown = await getJson(server.url, '/api/coverage?plan=khong-co');
    expect(unknown.status).toBe(404);
  });

  it('documents every route in the OpenAPI document', async () => {
    const { status, body } = await getJson(server.url, '/api/openapi.json');
    expect(status).toBe(200);
    for (const p of ['/api/coverage', '/api/plans', '/api/units/{id}', '/api/posts/{id}', '/api/jobs', '/api/health']) expect(Object.keys(body.paths)).toContain(p);
  });
});

describe('restart on the same file', () => {
  it('keeps every post and adds no duplicate on the next collection', async () => {
    const before = await server.db.one<{ n: number; u: number }>(`SELECT count(*) AS n, count(DISTINCT canonical_url) AS u FROM posts`);
    await server.close();
    server = await startTestServer({ dataDir: tmp.dir });
    staff = await signInDemo(server, 'staff');
    const kept = await server.db.one<{ n: number }>(`SELECT count(*) AS n FROM posts`);
    expect(kept!.n).toBe(before!.n);
    await server.db.run(`UPDATE sources SET next_poll_at = NULL`);
    await server.jobs.runPipeline();
    const after = await server.db.one<{ n: number; h: number }>(`SELECT count(*) AS n, count(DISTINCT unit_id || content_hash) AS h FROM posts`);
    expect(after!.n).toBe(before!.n);
    expect(after!.h).toBe(after!.n);
  }, 300_000);
});

function vnMonth(iso: string): string {
  return new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 7);
}
