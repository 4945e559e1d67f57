import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support';
import { startWorld, type World } from './dashboard-world';
import { isSuddenDrop, weekStart } from '../../server/src/views/alerts';

const keys = (body: any, kind?: string) => body.alerts.filter((a: any) => !kind || a.kind === kind).map((a: any) => a.key).sort();

describe('alert rules', () => {
  it.each([
    [0, [4, 4, 4, 4, 4, 4, 4, 4], true],
    [1, [4, 4, 4, 4, 4, 4, 4, 4], true],
    [2, [4, 4, 4, 4, 4, 4, 4, 4], false], // 2 ≥ 40 % of 4
    [0, [2, 2, 2, 2, 2, 2, 2, 2], false], // too few posts to call it a drop
    [0, [], false],
  ])('last week %i against %j → drop %s', (last, prev, expected) => {
    expect(isSuddenDrop(last, prev)).toBe(expected);
  });
  it('weeks start on Monday', () => {
    expect(weekStart('2025-06-20')).toBe('2025-06-16');
    expect(weekStart('2025-06-16')).toBe('2025-06-16');
    expect(weekStart('2025-06-22')).toBe('2025-06-16');
  });
});

describe('GET /api/alerts, POST /api/alerts/:key/ack', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  }, 60_000);
  afterAll(() => w?.close());

  it('computes every kind of alert on the hand-made world', async () => {
    const { status, body } = await getJson(w.base, '/api/alerts', { headers: await w.login('staff') });
    expect(status).toBe(200);
    const phase1 = `${w.planId}:p1`;
    // Phase 1 ends 30/06 (10 days away): the Alpha units covered both themes (a repost counts), the others miss one or both.
    expect(keys(body, 'theme-gap')).toEqual([`theme-gap:khoi-b:${phase1}`, `theme-gap:so-b1:${phase1}`, `theme-gap:tinh:${phase1}`]);
    const gap = body.alerts.find((a: any) => a.key === `theme-gap:khoi-b:${phase1}`);
    expect(gap.detail).toContain('Chuyển đổi số');
    expect(gap.detail).not.toContain('Kỷ niệm'); // Khối Beta did post on the anniversary theme (late)
    expect(gap.severity).toBe('high'); // a core theme is missing
    expect(gap.links.map((l: any) => l.href)).toEqual(['/don-vi/khoi-b', `/chu-de/${w.themeId('t1')}`]);
    // 25/06 window is open: everyone but Sở Alpha Một is still to post.
    const a2 = `${w.planId}:a2`;
    expect(keys(body, 'anniversary')).toEqual(['khoi-a', 'khoi-b', 'so-b1', 'tinh'].map((u) => `anniversary:${u}:${a2}`));
    // Silent for 30 days: the root never posted, Sở Beta Một last posted 04/05.
    expect(keys(body, 'silent')).toEqual(['silent:so-b1:2025-05-04', 'silent:tinh:never']);
    // Failing for more than 3 days: only Sở Beta Một's source (Khối Alpha's succeeded on 18/06).
    const failing = keys(body, 'source-failing');
    expect(failing).toHaveLength(1);
    expect(failing[0]).toMatch(new RegExp(`^source-failing:${w.sourceIds['so-b1']}:2025-06-10`));
    expect(body.alerts.filter((a: any) => a.kind === 'source-failing').map((a: any) => a.unitId)).toEqual(['so-b1']);
    // Khối Beta: 4 posts a week for 8 weeks, none in the week of 09/06.
    expect(keys(body, 'drop')).toEqual(['drop:khoi-b:2025-06-09']);
    expect(body.unacknowledged).toBe(body.alerts.length);
  });

  it('scopes alerts to a lead’s subtree and refuses a lead’s acknowledgement', async () => {
    const h = await w.login('lead-a');
    const { body } = await getJson(w.base, '/api/alerts', { headers: h });
    // Khối Alpha is still to post for 25/06; nothing of the Beta units or the root.
    expect(body.alerts.map((a: any) => a.key)).toEqual([`anniversary:khoi-a:${w.planId}:a2`]);
    const key = body.alerts[0].key;
    expect((await getJson(w.base, `/api/alerts/${encodeURIComponent(key)}/ack`, { method: 'POST', headers: h })).status).toBe(403);
  });

  it('remembers an acknowledgement by key, hides it from the count, and audits it', async () => {
    const h = await w.login('staff');
    const before = (await getJson(w.base, '/api/alerts', { headers: h })).body;
    const key = 'silent:tinh:never';
    const ack = await getJson(w.base, `/api/alerts/${encodeURIComponent(key)}/ack`, { method: 'POST', headers: h });
    expect(ack).toEqual({ status: 200, body: { key, acknowledged: true } });
    const after = (await getJson(w.base, '/api/alerts', { headers: h })).body;
    expect(after.unacknowledged).toBe(before.unacknowledged - 1);
    expect(keys(after)).not.toContain(key);
    const all = (await getJson(w.base, '/api/alerts?all=1', { headers: h })).body;
    expect(all.alerts.find((a: any) => a.key === key).acknowledged).toBe(true);
    // The header badge asks for the numbers only.
    const counts = (await getJson(w.base, '/api/alerts?count=1', { headers: h })).body;
    expect(counts).toEqual({ unacknowledged: after.unacknowledged, total: all.total, alerts: [] });
    // Another user sees it acknowledged too; acknowledging twice is harmless.
    expect((await getJson(w.base, '/api/alerts', { headers: await w.login('admin') })).body.unacknowledged).toBe(after.unacknowledged);
    expect((await getJson(w.base, `/api/alerts/${encodeURIComponent(key)}/ack`, { method: 'POST', headers: h })).status).toBe(200);
    const audit = await getJson(w.base, '/api/audit', { headers: await w.login('admin') });
    expect(JSON.stringify(audit.body)).toContain('alert.ack');
  });

  it('answers 404 for a key that is not a current alert in the caller’s scope', async () => {
    const h = await w.login('staff');
    expect((await getJson(w.base, '/api/alerts/silent:khoi-a:2025-06-01/ack', { method: 'POST', headers: h })).status).toBe(404);
  });
});
