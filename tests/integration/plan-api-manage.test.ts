// Plan versions, cascade, edits, assignment, named events and who may write, against the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, signIn } from '@tdtt/tests/support';
import type { ParsedPlan } from '@tdtt/shared';
import { createAccount } from '../../server/src/auth';
import * as q from '../../server/src/db/queries';
import { havePlans, readPlan } from './plan-expect';
import { adminServer, PARENT_OF_002, planCount, sendJson, upload } from './plan-api-support';

const UNITS = [
  { id: 'tinh', name: 'Tỉnh ủy Thử', kind: 'tinh-uy', parentId: null },
  { id: 'khoi', name: 'Đảng ủy Khối Thử', kind: 'dang-uy-khoi', parentId: 'tinh' },
  { id: 'so-1', name: 'Sở Một', kind: 'so', parentId: 'khoi' },
  { id: 'huyen', name: 'Huyện ủy Thử', kind: 'huyen-uy', parentId: 'tinh' },
];
const enc = (s: string) => new TextEncoder().encode(s);

describe.skipIf(!havePlans)('plan versions, cascade, edits and assignment', () => {
  let ctx: Awaited<ReturnType<typeof adminServer>>;
  let base = '';
  let admin: Record<string, string> = {};
  beforeAll(async () => {
    ctx = await adminServer();
    base = ctx.server.url;
    admin = ctx.admin;
    await q.upsertUnits(ctx.server.db, UNITS);
    await q.recomputeHierarchy(ctx.server.db);
  }, 60_000);
  afterAll(() => ctx?.close());

  it('re-importing a plan makes version 2 and keeps its assignments; versions and source are listed', async () => {
    const first = await upload(base, admin, enc(readPlan('004')), '004.txt');
    expect(first.status).toBe(201);
    const assigned = await sendJson(base, admin, 'POST', `/api/plans/${first.body.planId}/assign`, { unitIds: ['khoi'] });
    expect(assigned.status).toBe(200);
    expect(assigned.body.unitIds).toEqual(['khoi']);
    expect(assigned.body.coveredUnitIds).toEqual(['khoi', 'so-1']); // a unit's plan covers its sub-units

    const second = await upload(base, admin, enc(readPlan('004')), '004-sua.txt');
    expect(second.status).toBe(201);
    expect(second.body.version).toBe(2);
    expect(second.body.planId).not.toBe(first.body.planId);
    const plans = (await getJson(base, '/api/plans', { headers: admin })).body.plans as { id: string; unitIds: string[]; version: number }[];
    expect(plans.filter((p) => p.id === first.body.planId)).toEqual([]); // only current versions are listed
    expect(plans.find((p) => p.id === second.body.planId)).toMatchObject({ version: 2, unitIds: ['khoi'] });
    const versions = await getJson(base, `/api/plans/${first.body.planId}/versions`, { headers: admin });
    expect(versions.body.versions.map((v: { version: number; isCurrent: boolean }) => [v.version, v.isCurrent])).toEqual([[2, true], [1, false]]);
    const old = await getJson(base, `/api/plans/${first.body.planId}`, { headers: admin });
    expect(old.body.plan).toMatchObject({ isCurrent: false, currentId: second.body.planId });

    const removed = await getJson(base, `/api/plans/${second.body.planId}/assign/khoi`, { method: 'DELETE', headers: admin });
    expect(removed.status).toBe(200);
    expect(removed.body.unitIds).toEqual([]);
    expect((await getJson(base, `/api/plans/${second.body.planId}/assign/khoi`, { method: 'DELETE', headers: admin })).status).toBe(404);
    expect((await sendJson(base, admin, 'POST', `/api/plans/${second.body.planId}/assign`, { unitIds: ['khong-co'] })).status).toBe(400);
  });

  it('a child imported before its parent links up, and the parent lists it', async () => {
    const child = await upload(base, admin, enc(readPlan('002')), '002.txt');
    expect(child.status).toBe(201);
    expect((await getJson(base, `/api/plans/${child.body.planId}`, { headers: admin })).body.plan.parentId).toBeNull();
    const parent = await sendJson(base, admin, 'POST', '/api/plans/import', { text: PARENT_OF_002 });
    expect(parent.status).toBe(201);
    const c = (await getJson(base, `/api/plans/${child.body.planId}`, { headers: admin })).body.plan;
    expect(c.parentId).toBe(parent.body.planId);
    expect(c.parent.code).toBe('124-HD/BTGTU');
    const p = (await getJson(base, `/api/plans/${parent.body.planId}`, { headers: admin })).body.plan;
    expect(p.children.map((x: { id: string }) => x.id)).toEqual([child.body.planId]);
  });

  it('PUT stores the edited plan as a new version: keyphrases, title, assignments kept, audited, re-classified', async () => {
    const stored = await upload(base, admin, enc(readPlan('001')), '001.txt');
    const id = stored.body.planId as string;
    await sendJson(base, admin, 'POST', `/api/plans/${id}/assign`, { unitIds: ['huyen'] });
    const parsed = (await getJson(base, `/api/plans/${id}`, { headers: admin })).body.plan.parsed as ParsedPlan;
    const edited: ParsedPlan = structuredClone(parsed);
    edited.title = `${parsed.title} (đã rà soát)`;
    const theme = edited.phases[0]!.themes[0]!;
    theme.keyphrases = ['ngày hội non sông', 'bầu cử đại biểu'];
    theme.negativePhrases = ['bầu cử Mỹ'];
    const put = await sendJson(base, admin, 'PUT', `/api/plans/${id}`, edited);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.version).toBe(2);
    const after = (await getJson(base, `/api/plans/${put.body.planId}`, { headers: admin })).body.plan;
    expect(after.title).toBe(edited.title);
    expect(after.unitIds).toEqual(['huyen']);
    expect(after.phases[0].themes[0]).toMatchObject({ keyphrases: theme.keyphrases, negativePhrases: theme.negativePhrases });
    const source = await getJson(base, `/api/plans/${put.body.planId}/source`, { headers: admin });
    expect(source.body.text).toBe(readPlan('001'));
    const auditLog = await getJson(base, '/api/audit', { headers: admin });
    const actions = JSON.stringify(auditLog.body);
    for (const a of ['plan.import', 'plan.update', 'plan.assign', 'plan.unassign']) expect(actions).toContain(a);
    // The plan change starts a classification (and then a roll-up) in the background.
    let jobs: string[] = [];
    for (let i = 0; i < 100 && !jobs.includes('rollup'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      jobs = ((await getJson(base, '/api/jobs', { headers: admin })).body.recent as { job: string }[]).map((r) => r.job);
    }
    expect(jobs).toContain('classify');
    expect(jobs).toContain('rollup');

    const bad = await sendJson(base, admin, 'PUT', `/api/plans/${id}`, { ...edited, phases: [{ label: 'x' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/phases/);
  });

  it('the reviewed structure sent with the text is stored as reviewed', async () => {
    const preview = await sendJson(base, admin, 'POST', '/api/plans/import?preview=true', { text: readPlan('000') });
    expect(preview.status).toBe(200);
    const plan = preview.body.plan as ParsedPlan;
    plan.code = '99-KH/TU';
    const saved = await sendJson(base, admin, 'POST', '/api/plans/import', { text: preview.body.text, plan });
    expect(saved.status).toBe(201);
    expect((await getJson(base, `/api/plans/${saved.body.planId}`, { headers: admin })).body.plan.code).toBe('99-KH/TU');
  });

  it('named events: defaults until saved, then the saved table resolves the congresses plan 002 names', async () => {
    const first = await getJson(base, '/api/named-events', { headers: admin });
    expect(first.body.defaults).toBe(true);
    expect(first.body.events.map((e: { key: string }) => e.key)).toContain('dai-hoi-xiv');
    const before = await sendJson(base, admin, 'POST', '/api/plans/import?preview=true', { text: readPlan('002') });
    expect((before.body.plan as ParsedPlan).phases[2]!.endsOn).toBeNull();
    const events = [
      ...first.body.events,
      { key: 'dh-khoi-ii', name: 'Đại hội lần thứ II Đảng bộ Khối', aliases: ['Đại hội lần thứ II Đảng bộ Khối cơ quan và doanh nghiệp tỉnh'], date: '2025-07-20', endDate: null },
      { key: 'dh-tinh-xxi', name: 'Đại hội XXI Đảng bộ tỉnh', aliases: ['Đại hội XXI Đảng bộ tỉnh'], date: '2025-10-14', endDate: '2025-10-16' },
    ];
    const put = await sendJson(base, admin, 'PUT', '/api/named-events', { events });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.defaults).toBe(false);
    expect(put.body.events).toHaveLength(events.length);
    const after = await sendJson(base, admin, 'POST', '/api/plans/import?preview=true', { text: readPlan('002') });
    const phase = (after.body.plan as ParsedPlan).phases[2]!;
    expect(phase.endsOn).not.toBeNull();
    expect(phase.flags.filter((f) => f.startsWith('unknown-event'))).toEqual([]);
    const dup = await sendJson(base, admin, 'PUT', '/api/named-events', { events: [events[0], events[0]] });
    expect(dup.status).toBe(400);
  });
});

describe('only administrators write plans', () => {
  let ctx: Awaited<ReturnType<typeof adminServer>>;
  beforeAll(async () => {
    ctx = await adminServer();
    await q.upsertUnits(ctx.server.db, UNITS);
    await q.recomputeHierarchy(ctx.server.db);
  }, 60_000);
  afterAll(() => ctx?.close());

  it('staff and unit leads get 403 on every plan write; staff can still read, a lead once the plan concerns their unit', async () => {
    const { server, admin } = ctx;
    const created = await sendJson(server.url, admin, 'POST', '/api/plans/import', { text: PARENT_OF_002 });
    expect(created.status).toBe(201);
    const id = created.body.planId as string;
    await createAccount(server.db, { username: 'canbo-thu', displayName: 'Cán bộ', password: 'mat-khau-can-bo-1', role: 'staff', unitId: null });
    await createAccount(server.db, { username: 'lanhdao-thu', displayName: 'Lãnh đạo', password: 'mat-khau-lanh-dao-1', role: 'lead', unitId: 'khoi' });
    for (const [user, pass] of [['canbo-thu', 'mat-khau-can-bo-1'], ['lanhdao-thu', 'mat-khau-lanh-dao-1']] as const) {
      const h = await signIn(server.url, user, pass);
      const form = new FormData();
      form.set('file', new Blob([enc(PARENT_OF_002)]), 'kh.txt');
      const writes = [
        await getJson(server.url, '/api/plans/import', { method: 'POST', headers: h, body: form }),
        await sendJson(server.url, h, 'POST', '/api/plans/import?preview=true', { text: PARENT_OF_002 }),
        await sendJson(server.url, h, 'PUT', `/api/plans/${id}`, {}),
        await sendJson(server.url, h, 'POST', `/api/plans/${id}/assign`, { unitIds: ['khoi'] }),
        await getJson(server.url, `/api/plans/${id}/assign/khoi`, { method: 'DELETE', headers: h }),
        await sendJson(server.url, h, 'PUT', '/api/named-events', { events: [] }),
      ];
      expect(writes.map((w) => w.status)).toEqual([403, 403, 403, 403, 403, 403]);
      // Not assigned to anyone yet: outside a lead's scope (tests/integration/plans-scope.test.ts).
      expect((await getJson(server.url, `/api/plans/${id}`, { headers: h })).status).toBe(user === 'canbo-thu' ? 200 : 404);
    }
    expect((await sendJson(server.url, admin, 'POST', `/api/plans/${id}/assign`, { unitIds: ['khoi'] })).status).toBe(200);
    expect((await getJson(server.url, `/api/plans/${id}`, { headers: await signIn(server.url, 'lanhdao-thu', 'mat-khau-lanh-dao-1') })).status).toBe(200);
    expect(await planCount(server.url, admin)).toBe(1);
  });
});
