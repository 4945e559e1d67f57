// The overview API (one level of the hierarchy, each row standing for its subtree) against the full
// coverage table of the same world: every subtree figure must be the sum or mean of its units' rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageResponse, OverviewResponse } from '@tdtt/shared';
import { getJson } from '../support';
import { UNITS, startWorld, type World } from './dashboard-world';

const subtreeOf = (root: string): Set<string> => {
  const ids = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of UNITS) if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) grew = Boolean(ids.add(u.id));
  }
  return ids;
};
const mean = (xs: number[]) => Math.round((10 * xs.reduce((a, b) => a + b, 0)) / xs.length) / 10;

describe('GET /api/overview', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  }, 60_000);
  afterAll(() => w?.close());

  async function both(headers: Record<string, string>, qs: string) {
    const o = await getJson<OverviewResponse>(w.base, `/api/overview?${qs}`, { headers });
    expect(o.status).toBe(200);
    const month = o.body.month;
    const table = (await getJson<CoverageResponse>(w.base, `/api/coverage?month=${month}`, { headers })).body;
    return { o: o.body, table };
  }

  /** The units of the level's "cụm": the focus's subtree (the tops' when there is no focus). */
  function scopeUnits(o: OverviewResponse, table: CoverageResponse) {
    return o.focus ? table.units.filter((u) => subtreeOf(o.focus!.id).has(u.id)) : table.units;
  }

  /** Every row checked against the table's rows of the units in its subtree. */
  function expectRowsMatchTable(o: OverviewResponse, table: CoverageResponse, previous: CoverageResponse | null) {
    expect(o.themes.map((t) => t.id)).toEqual(table.themes.map((t) => t.id));
    for (const row of o.rows) {
      const members = table.units.filter((u) => subtreeOf(row.id).has(u.id));
      const self = table.units.find((u) => u.id === row.id)!;
      expect(row.units, row.id).toBe(members.length);
      expect(row.score, row.id).toBe(mean(members.map((u) => u.score)));
      expect(row.ownScore, row.id).toBe(self.score);
      expect([row.coveredCount, row.activeCount], row.id).toEqual([self.coveredCount, self.activeCount]);
      expect(row.postCount, row.id).toBe(members.reduce((a, u) => a + u.postCount, 0));
      o.themes.forEach((t, j) => {
        const own = members.reduce((a, u) => a + u.counts[j]!.own, 0);
        const repost = members.reduce((a, u) => a + u.counts[j]!.repost, 0);
        const coveredUnits = members.filter((u) => u.counts[j]!.covered).length;
        expect(row.counts[j], `${row.id} × ${t.id}`).toEqual({ own, repost, coveredUnits, covered: coveredUnits === members.length });
      });
      // The figures the page shows: own beside the subtree's, ranks of the own score with their scope.
      expect(row.figures, row.id).toEqual({
        score: self.score,
        covered: self.coveredCount,
        active: self.activeCount,
        subtree: members.length > 1
          ? { score: mean(members.map((u) => u.score)), units: members.length, covered: members.reduce((a, u) => a + u.coveredCount, 0), active: members.reduce((a, u) => a + u.activeCount, 0) }
          : null,
        rank: { province: 1 + table.units.filter((u) => u.score > self.score).length, scope: 1 + scopeUnits(o, table).filter((u) => u.score > self.score).length },
      });
      if (previous) {
        const before = previous.units.filter((u) => subtreeOf(row.id).has(u.id));
        expect(row.previousScore, row.id).toBe(mean(before.map((u) => u.score)));
      }
    }
  }

  it('shows the top unit and its sub-units, each row summing its subtree, for every month', async () => {
    const staff = await w.login('staff');
    const first = await both(staff, '');
    expect(first.o.focus).toEqual({ id: 'tinh', name: 'Tỉnh ủy Thử Nghiệm' });
    expect(first.o.path.map((p) => p.id)).toEqual(['tinh']);
    expect(first.o.rows.map((r) => [r.id, r.isFocus, r.children, r.depth])).toEqual([
      ['tinh', true, 2, 0],
      ['khoi-a', false, 1, 1],
      ['khoi-b', false, 1, 1],
    ]);
    expect(first.o.months).toEqual(first.table.months);
    expect(first.o.trend).toEqual(first.table.trend);
    for (const month of first.o.months) {
      const { o, table } = await both(staff, `month=${month}`);
      const i = o.months.indexOf(month);
      const previous = i > 0 ? (await getJson<CoverageResponse>(w.base, `/api/coverage?month=${o.months[i - 1]}`, { headers: staff })).body : null;
      expectRowsMatchTable(o, table, previous);
      expect(o.summary).toEqual({
        averageScore: mean(table.units.map((u) => u.score)),
        units: table.units.length,
        posts: table.units.reduce((a, u) => a + u.postCount, 0),
        fullUnits: table.units.filter((u) => u.activeCount > 0 && u.coveredCount >= u.activeCount).length,
        silentUnits: table.units.filter((u) => u.postCount === 0).length,
      });
      const silent = table.units.filter((u) => u.postCount === 0);
      expect(o.silent).toEqual({ total: silent.length, units: silent.map((u) => ({ id: u.id, name: u.name })) });
    }
  });

  it('goes one level down with ?unit=, the breadcrumb leading back up', async () => {
    const staff = await w.login('staff');
    const { o, table } = await both(staff, 'unit=khoi-a&month=2025-06');
    expect(o.path.map((p) => p.id)).toEqual(['tinh', 'khoi-a']);
    expect(o.rows.map((r) => r.id)).toEqual(['khoi-a', 'so-a1']);
    expectRowsMatchTable(o, table, null);
    // The department has no sub-units: its row is its own.
    const dept = o.rows.find((r) => r.id === 'so-a1')!;
    expect([dept.units, dept.children, dept.score]).toEqual([1, 0, dept.ownScore]);
    expect(o.summary.units).toBe(2);
  });

  it('keeps a unit lead inside their subtree', async () => {
    const lead = await w.login('lead-a');
    const { status, body } = await getJson<OverviewResponse>(w.base, '/api/overview?month=2025-06', { headers: lead });
    expect(status).toBe(200);
    expect(body.path.map((p) => p.id)).toEqual(['khoi-a']);
    expect(body.rows.map((r) => r.id)).toEqual(['khoi-a', 'so-a1']);
    expect(body.summary.units).toBe(2);
    for (const unit of ['khoi-b', 'tinh', 'so-b1']) expect((await getJson(w.base, `/api/overview?unit=${unit}`, { headers: lead })).status, unit).toBe(403);
  });

  it('answers 400 for a bad month and 404 for a unit outside the plan', async () => {
    const staff = await w.login('staff');
    const bad = await getJson(w.base, '/api/overview?month=2025-13', { headers: staff });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/month/);
    expect((await getJson(w.base, '/api/overview?unit=khong-co', { headers: staff })).status).toBe(404);
    expect((await getJson(w.base, '/api/overview?plan=khong-co', { headers: staff })).status).toBe(404);
  });
});
