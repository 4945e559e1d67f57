import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '@tdtt/server/main';
import { getJson, startTestServer, tempDir } from '../support';
import { signedIn } from './export/auth';
import { seedWorld, type SeededWorld } from './export/seed';

// Every date, month, quarter, year and range — in query parameters and in bodies — goes through the one
// validator of shared/src/schema/dates.ts: impossible or out-of-range values are a 400 naming the field.

const tmp = tempDir('tdtt-dates-');
let server: Server;
let world: SeededWorld;
let admin: Record<string, string>;
let staff: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({ dataDir: tmp.dir, demo: false });
  world = await seedWorld(server.db);
  admin = await signedIn(server.db, server.url, 'quantri', 'admin');
  staff = await signedIn(server.db, server.url, 'canbo', 'staff');
}, 120_000);

afterAll(async () => {
  await server?.close();
  tmp.remove();
});

async function expect400(method: string, url: string, field: string, body?: unknown, headers = admin) {
  const res = await fetch(server.url + url, { method, headers: { ...headers, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  expect(res.status, `${method} ${url}: ${text}`).toBe(400);
  expect(JSON.parse(text).error.message, `${method} ${url}`).toMatch(new RegExp(`(^|; )${field.replace(/\./g, '\\.')}:`));
}

describe('date parameters', () => {
  it.each([
    ['/api/coverage?month=0000-01', 'month'],
    ['/api/overview?month=0000-01', 'month'],
    ['/api/units/tinh?month=9999-12', 'month'],
    ['/api/export/coverage?month=0000-01', 'month'],
    ['/api/export/coverage?month=0000-01&format=csv', 'month'],
    ['/api/export/coverage?quarter=0000-Q1', 'quarter'],
    ['/api/export/coverage?year=9999', 'year'],
    ['/api/export/coverage?from=2025-02-29&to=2025-03-31', 'from'],
    ['/api/export/coverage?from=2025-02-01&to=2025-02-30', 'to'],
    ['/api/search?q=chuyen&from=2025-02-29', 'from'],
    ['/api/search?q=chuyen&to=9999-12-31', 'to'],
  ])('%s → 400 naming %s', async (url, field) => expect400('GET', url, field, undefined, staff));

  it('on a theme page: impossible days, out-of-range days and a reversed range', async () => {
    const t = world.themeIds[0]!;
    await expect400('GET', `/api/themes/${t}?from=2025-02-29`, 'from', undefined, staff);
    await expect400('GET', `/api/themes/${t}?to=2025-02-30`, 'to', undefined, staff);
    await expect400('GET', `/api/themes/${t}?from=2025-01-01&to=9999-12-31`, 'to', undefined, staff);
    await expect400('GET', `/api/themes/${t}?from=2025-03-01&to=2025-01-01`, 'to', undefined, staff);
    expect((await getJson(server.url, `/api/themes/${t}?from=2024-02-29&to=2025-03-31`, { headers: staff })).status).toBe(200);
  });

  it('accepts the real values, the quarter in either case', async () => {
    for (const url of ['/api/coverage?month=2025-03', '/api/export/coverage?quarter=2025-q1&format=csv', '/api/export/coverage?year=2025&format=csv']) {
      expect((await fetch(server.url + url, { headers: staff })).status, url).toBe(200);
    }
  });

  it('documents the quarter as a plain pattern (no /i flag inside it)', async () => {
    const { body } = await getJson(server.url, '/api/openapi.json', { headers: staff });
    const quarter = body.paths['/api/export/coverage'].get.parameters.find((p: { name: string }) => p.name === 'quarter');
    expect(quarter.schema.pattern).toBe('^\\d{4}-[Qq][1-4]$');
    expect(new RegExp(quarter.schema.pattern).test('2025-Q4')).toBe(true);
  });
});

describe('date fields in bodies', () => {
  const event = (over: Record<string, unknown>) => ({ key: 'dai-hoi', name: 'Đại hội', aliases: ['Đại hội'], date: '2025-10-14', endDate: null, ...over });

  it('named events: impossible dates, out of range, end before start', async () => {
    await expect400('PUT', '/api/named-events', 'events.0.date', { events: [event({ date: '2025-02-30' })] });
    await expect400('PUT', '/api/named-events', 'events.0.endDate', { events: [event({ endDate: '2025-13-01' })] });
    await expect400('PUT', '/api/named-events', 'events.0.date', { events: [event({ date: '9999-12-31' })] });
    await expect400('PUT', '/api/named-events', 'events.0.endDate', { events: [event({ endDate: '2025-10-01' })] });
  });

  it("a plan's phases, issue date and anniversaries", async () => {
    const { status, body: preview } = await getJson(server.url, '/api/plans/import?preview=1', {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ text: readFileSync(path.join(import.meta.dirname, 'export/plan.txt'), 'utf8') }),
    });
    expect(status, JSON.stringify(preview)).toBe(200);
    const plan = preview.plan;
    expect(plan.phases.length).toBeGreaterThan(0);
    const withPhase = (over: Record<string, unknown>) => ({ ...plan, phases: [{ ...plan.phases[0], ...over }, ...plan.phases.slice(1)] });
    const anniversary = { event: 'Ngày thành lập', date: '2025-02-29', precision: 'day', years: 95, originDate: null };
    await expect400('PUT', `/api/plans/${world.planId}`, 'phases.0.startsOn', withPhase({ startsOn: '2025-02-30' }));
    await expect400('PUT', `/api/plans/${world.planId}`, 'phases.0.endsOn', withPhase({ endsOn: '9999-12-31' }));
    await expect400('PUT', `/api/plans/${world.planId}`, 'phases.0.endsOn', withPhase({ startsOn: '2025-06-01', endsOn: '2025-01-01' }));
    await expect400('PUT', `/api/plans/${world.planId}`, 'issuedOn', { ...plan, issuedOn: '2025-04-31' });
    await expect400('PUT', `/api/plans/${world.planId}`, 'anniversaries.0.date', { ...plan, anniversaries: [anniversary] });
    await expect400('PUT', `/api/plans/${world.planId}`, 'anniversaries.0.date', { ...plan, anniversaries: [{ ...anniversary, date: '2025-13', precision: 'month' }] });
    await expect400('POST', '/api/plans/import', 'plan.issuedOn', { text: 'KẾ HOẠCH', plan: { ...plan, issuedOn: '0000-01-01' } });
  });

  it('submitted evidence', async () => {
    await expect400('POST', '/api/submissions', 'publishedOn', { url: 'https://example.invalid/bai', title: 'Bài viết', publishedOn: '2025-02-29', unitId: 'so-tt' }, staff);
  });
});
