// A 50,000-row sheet through the API: every unit created in its place, a second import changes nothing.
// (Its time and memory: npm run bench:units-import, figures in README.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../../support';
import { bigUnitSheet } from '../../bench/units-sheet';
import { emptyInstall, upload } from './support';

describe('a 50,000-row unit sheet', () => {
  let w: Awaited<ReturnType<typeof emptyInstall>>;
  beforeAll(async () => {
    w = await emptyInstall();
  }, 60_000);
  afterAll(() => w?.close());

  it('imports every row in four levels, and again with no change', async () => {
    const sheet = bigUnitSheet(50_000);
    const first = await upload(w.base, w.admin, sheet, 'lon.csv');
    expect(first.status).toBe(200);
    expect([first.body.created.length, first.body.problems.length]).toEqual([50_000, 0]);
    const units = (await getJson(w.base, '/api/units/registry', { headers: w.admin })).body.units as any[];
    expect(units).toHaveLength(50_000);
    expect(units[0]).toMatchObject({ id: 'tu', depth: 0 });
    const depths = new Map<number, number>();
    for (const u of units) depths.set(u.depth, (depths.get(u.depth) ?? 0) + 1);
    expect([...depths.entries()].sort()).toEqual([[0, 1], [1, 50], [2, 1000], [3, 48_949]]);
    const again = await upload(w.base, w.admin, sheet, 'lon.csv');
    expect([again.body.created.length, again.body.updated.length, again.body.unchanged]).toEqual([0, 0, 50_000]);
  }, 240_000);
});
