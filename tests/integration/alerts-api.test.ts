import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support';
import { startWorld, type World } from './dashboard-world';
import { isSuddenDrop, weekStart } from '../../server/src/views/alerts';
import { parseCsv } from './export/sheets';

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

  it('reads as a person writes: dates dd/mm/yyyy, no ISO dates in titles or details', async () => {
    const { body } = await getJson(w.base, '/api/alerts?all=1', { headers: await w.login('staff') });
    for (const a of body.alerts) expect(`${a.title} ${a.detail}`, a.key).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(body.alerts.find((a: any) => a.key === 'silent:so-b1:2025-05-04').detail).toBe('Bài gần nhất ngày 04/05/2025');
    expect(body.alerts.find((a: any) => a.kind === 'drop').title).toMatch(/trong tuần từ 09\/06\/2025 đến 15\/06\/2025$/);
  });

  it('exports the list as CSV (standard and Vietnamese Excel), the same alerts as the JSON, scoped as it is', async () => {
    for (const [who, format, sep] of [['staff', 'csv', ','], ['staff', 'csv-vn', ';'], ['lead-a', 'csv', ',']] as const) {
      const h = await w.login(who);
      const json = (await getJson(w.base, '/api/alerts?all=1', { headers: h })).body;
      const res = await fetch(`${w.base}/api/alerts?all=1&format=${format}`, { headers: h });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition')!)![1]!)).toBe(format === 'csv' ? 'Cảnh báo.csv' : 'Cảnh báo (Excel VN).csv');
      const rows = parseCsv(Buffer.from(await res.arrayBuffer()).toString('utf8'), sep);
      expect(rows[0]).toEqual(['STT', 'Mức', 'Loại', 'Đơn vị', 'Cảnh báo', 'Chi tiết', 'Trạng thái']);
      expect(rows.slice(1).map((r) => [r[3], r[4], r[5]])).toEqual(json.alerts.map((a: any) => [a.unitName, a.title, a.detail]));
      expect(rows.length, who).toBeGreaterThan(1);
    }
    expect((await fetch(`${w.base}/api/alerts?format=pdf`, { headers: await w.login('staff') })).status).toBe(400);
  });

  it('answers 404 for a key that is not a current alert in the caller’s scope', async () => {
    const h = await w.login('staff');
    expect((await getJson(w.base, '/api/alerts/silent:khoi-a:2025-06-01/ack', { method: 'POST', headers: h })).status).toBe(404);
  });
});
