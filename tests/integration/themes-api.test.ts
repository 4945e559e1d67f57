import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support';
import { startWorld, type World } from './dashboard-world';

describe('GET /api/themes', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  }, 60_000);
  afterAll(() => w?.close());

  it('lists the plan themes with the share of visible units that covered each', async () => {
    const { status, body } = await getJson(w.base, '/api/themes', { headers: await w.login('staff') });
    expect(status).toBe(200);
    expect(body.unitCount).toBe(5);
    const t1 = body.themes.find((t: any) => t.id === w.themeId('t1'));
    expect(t1).toMatchObject({ coveredUnits: 2, share: 40, own: 1, repost: 1, state: 'active' });
    const t2 = body.themes.find((t: any) => t.id === w.themeId('t2'));
    expect(t2.coveredUnits).toBe(4); // every unit but the root wrote on the anniversary theme
    expect(body.themes.find((t: any) => t.id === w.themeId('t3')).state).toBe('upcoming');
  });

  it('scopes the share to a lead’s subtree', async () => {
    const { body } = await getJson(w.base, '/api/themes', { headers: await w.login('lead-a') });
    expect(body.unitCount).toBe(2);
    expect(body.themes.find((t: any) => t.id === w.themeId('t1'))).toMatchObject({ coveredUnits: 2, share: 100 });
    const b = await getJson(w.base, '/api/themes', { headers: await w.login('lead-b') });
    expect(b.body.themes.find((t: any) => t.id === w.themeId('t1'))).toMatchObject({ coveredUnits: 0, share: 0 });
  });

  it('shows one theme: units, monthly own vs reposts, top posts by score', async () => {
    const { status, body } = await getJson(w.base, `/api/themes/${w.themeId('t1')}`, { headers: await w.login('staff') });
    expect(status).toBe(200);
    expect(body.from).toBe('2025-01-01');
    expect(body.to).toBe('2025-06-20');
    expect(body.series.map((s: any) => s.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect(body.series.at(-1)).toEqual({ month: '2025-06', own: 1, repost: 1 });
    // One level: the top unit (its whole tree) and its sub-units, each row summing its subtree.
    expect(body.path.map((p: any) => p.id)).toEqual(['tinh']);
    expect(body.units.map((u: any) => [u.id, u.isFocus, u.units, u.coveredUnits, u.own, u.repost])).toEqual([
      ['tinh', true, 5, 2, 1, 1],
      ['khoi-a', false, 2, 2, 1, 1],
      ['khoi-b', false, 2, 0, 0, 0],
    ]);
    expect(body.units.find((u: any) => u.id === 'khoi-a')).toMatchObject({ covered: true, children: 1, firstDay: '2025-06-01' });
    expect(body.units.find((u: any) => u.id === 'tinh').covered).toBe(false); // not every unit of the province
    expect(body.topPosts.map((p: any) => p.unitId)).toEqual(['khoi-a', 'so-a1']);
    expect(body.topPosts[1].isRepost).toBe(true);
    // One level down: the block and its department, the department's own figures.
    const down = await getJson(w.base, `/api/themes/${w.themeId('t1')}?unit=khoi-a`, { headers: await w.login('staff') });
    expect(down.body.path.map((p: any) => p.id)).toEqual(['tinh', 'khoi-a']);
    expect(down.body.units.map((u: any) => u.id)).toEqual(['khoi-a', 'so-a1']);
    expect(down.body.units.find((u: any) => u.id === 'so-a1')).toMatchObject({ own: 0, repost: 1, covered: true, units: 1, firstDay: '2025-06-02' });
    expect(down.body.series).toEqual(body.series);
  });

  it('narrows to a date range and keeps other units out of a lead’s view', async () => {
    const r = await getJson(w.base, `/api/themes/${w.themeId('t1')}?from=2025-06-02&to=2025-06-30&unit=khoi-a`, { headers: await w.login('staff') });
    expect(r.body.units.map((u: any) => [u.id, u.own, u.repost, u.coveredUnits])).toEqual([
      ['khoi-a', 0, 1, 1],
      ['so-a1', 0, 1, 1],
    ]);
    expect(r.body.series).toEqual([{ month: '2025-06', own: 0, repost: 1 }]);
    const b = await getJson(w.base, `/api/themes/${w.themeId('t1')}`, { headers: await w.login('lead-b') });
    expect(b.body.units.map((u: any) => u.id)).toEqual(['khoi-b', 'so-b1']);
    expect(b.body.path.map((p: any) => p.id)).toEqual(['khoi-b']);
    expect(b.body.topPosts).toEqual([]);
    expect((await getJson(w.base, `/api/themes/${w.themeId('t1')}?unit=khoi-a`, { headers: await w.login('lead-b') })).status).toBe(403);
  });

  it('documents the dashboard routes in the OpenAPI description', async () => {
    const { body } = await getJson(w.base, '/api/openapi.json', { headers: await w.login('staff') });
    for (const p of ['/api/themes', '/api/themes/{id}', '/api/anniversaries', '/api/sources', '/api/sources/discover', '/api/sources/{id}/test', '/api/sources/{id}/pause', '/api/sources/{id}/events', '/api/alerts', '/api/alerts/{key}/ack']) {
      expect(Object.keys(body.paths), p).toContain(p);
    }
  });

  it('answers 404 for an unknown theme and 400 for a bad date', async () => {
    const h = await w.login('staff');
    expect((await getJson(w.base, '/api/themes/khong-co', { headers: h })).status).toBe(404);
    expect((await getJson(w.base, `/api/themes/${w.themeId('t1')}?from=06-2025`, { headers: h })).status).toBe(400);
  });
});
