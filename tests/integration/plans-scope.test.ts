import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '@tdtt/server/main';
import * as q from '@tdtt/server/db/queries';
import { importPlanText } from '../../server/src/runtime/plans';
import { getJson, startTestServer, tempDir } from '../support';
import { signedIn } from './export/auth';

// A unit lead reads the plans assigned to their subtree and to its ancestors, nothing else: every
// plan route and every read that takes a plan answers 404 for another branch's plan.

const tmp = tempDir('tdtt-plans-scope-');
let server: Server;
let lead: Record<string, string>;
let staff: Record<string, string>;
const plans: Record<string, string> = {};
let otherTheme: string;

const UNITS: q.UnitInput[] = [
  { id: 'tinh', name: 'Tỉnh ủy', kind: 'province', parentId: null },
  { id: 'so-a', name: 'Sở A', kind: 'unit', parentId: 'tinh' },
  { id: 'a-con', name: 'Trung tâm thuộc Sở A', kind: 'unit', parentId: 'so-a' },
  { id: 'so-b', name: 'Sở B', kind: 'unit', parentId: 'tinh' },
];

beforeAll(async () => {
  server = await startTestServer({ dataDir: tmp.dir, demo: false });
  await q.upsertUnits(server.db, UNITS);
  const text = readFileSync(path.join(import.meta.dirname, 'export/plan.txt'), 'utf8');
  // One plan per level: the province's (an ancestor of the lead), the lead's, a sub-unit's, another branch's.
  for (const [name, unit, code] of [['tinh', 'tinh', '77-KH/BTG'], ['a', 'so-a', '78-KH/SA'], ['a-con', 'a-con', '79-KH/TT'], ['b', 'so-b', '80-KH/SB']] as const) {
    const r = await importPlanText(server.db, text.replace('Số 77-KH/BTG', `Số ${code}`), { isDefault: name === 'tinh', unitIds: [unit] });
    if (!r.ok) throw new Error(r.message);
    plans[name] = r.planId;
  }
  otherTheme = (await q.planThemes(server.db, plans.b!))[0]!.id;
  lead = await signedIn(server.db, server.url, 'truong.a', 'lead', 'so-a');
  staff = await signedIn(server.db, server.url, 'canbo', 'staff');
}, 120_000);

afterAll(async () => {
  await server?.close();
  tmp.remove();
});

const status = async (url: string, headers: Record<string, string>) => (await fetch(server.url + url, { headers })).status;

describe('plans in a lead’s scope', () => {
  it('lists the plans of the subtree and of its ancestors only', async () => {
    const { status: s, body } = await getJson(server.url, '/api/plans', { headers: lead });
    expect(s).toBe(200);
    expect(new Set(body.plans.map((p: { id: string }) => p.id))).toEqual(new Set([plans.tinh, plans.a, plans['a-con']]));
    const all = await getJson(server.url, '/api/plans', { headers: staff });
    expect(all.body.plans).toHaveLength(4);
  });

  it('answers 404 for another branch’s plan on every route that reads it', async () => {
    const b = plans.b!;
    const urls = [
      `/api/plans/${b}`,
      `/api/plans/${b}/source`,
      `/api/plans/${b}/versions`,
      `/api/themes?plan=${b}`,
      `/api/themes/${otherTheme}`,
      `/api/export/coverage?plan=${b}&format=csv&month=2025-03`,
      `/api/export/coverage?plan=${b}&format=xlsx&month=2025-03`,
      `/api/coverage?plan=${b}`,
      `/api/overview?plan=${b}`,
      `/api/anniversaries?plan=${b}`,
      `/api/units/so-a?plan=${b}`,
    ];
    for (const url of urls) {
      expect(await status(url, lead), url).toBe(404);
      expect(await status(url, staff), url).toBe(200);
    }
  });

  it('reads its own, its sub-unit’s and its ancestor’s plans in full', async () => {
    for (const id of [plans.tinh!, plans.a!, plans['a-con']!]) {
      for (const url of [`/api/plans/${id}`, `/api/plans/${id}/source`, `/api/plans/${id}/versions`, `/api/themes?plan=${id}`, `/api/export/coverage?plan=${id}&format=csv&month=2025-03`]) {
        expect(await status(url, lead), url).toBe(200);
      }
    }
  });

  it('sees no plan once its unit is unassigned from it', async () => {
    await server.db.transaction((tx) => q.unassignPlan(tx, plans.a!, 'so-a'));
    expect(await status(`/api/plans/${plans.a}`, lead)).toBe(404);
    await server.db.transaction((tx) => q.assignPlan(tx, plans.a!, ['so-a']));
    expect(await status(`/api/plans/${plans.a}`, lead)).toBe(200);
  });
});
