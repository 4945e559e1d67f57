import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '@tdtt/server/app';
import { loadConfig } from '@tdtt/server/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoUsers, ensureAdmin } from '../../server/src/auth';
import { Database } from '../../server/src/db/connection';
import { migrate } from '../../server/src/db/migrate';
import * as q from '../../server/src/db/queries';
import { createJobs } from '../../server/src/runtime/jobs';

// Admin pages' API (users, audit), role rules, the first admin from config and the demo users.

const dir = mkdtempSync(path.join(tmpdir(), 'tdtt-auth-admin-'));
let db: Database;
let app: ReturnType<typeof createApp>;
let runner: ReturnType<typeof createJobs>['runner'];
const ADMIN = { username: 'quantri', password: 'mat-khau-quan-tri' };

beforeAll(async () => {
  db = await Database.open(path.join(dir, 'tdtt.duckdb'));
  await migrate(db);
  await q.upsertUnits(db, [
    { id: 'tinh', name: 'Tỉnh ủy', kind: 'tinh-uy', parentId: null },
    { id: 'so-y-te', name: 'Sở Y tế', kind: 'so', parentId: 'tinh' },
    { id: 'so-tai-chinh', name: 'Sở Tài chính', kind: 'so', parentId: 'tinh' },
  ]);
  const config = loadConfig({ DATA_DIR: dir, ADMIN_USER: ADMIN.username, ADMIN_PASSWORD: ADMIN.password });
  expect(await ensureAdmin(db, config.admin)).toEqual({ username: 'quantri', action: 'created' });
  runner = createJobs(db, config).runner;
  app = createApp({ db, config, runner, scheduler: null, now: () => new Date() });
});

afterAll(async () => {
  while (runner.runningJobs().length) await new Promise((r) => setTimeout(r, 20));
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Agent {
  cookie: string;
  csrf: string;
}

async function signIn(username: string, password: string, ip = '192.0.2.10'): Promise<Agent> {
  const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip }, body: JSON.stringify({ username, password }) });
  expect(res.status, `sign-in ${username}`).toBe(200);
  const jar = new Map(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
  return { cookie: `tdtt_session=${jar.get('tdtt_session')}; tdtt_csrf=${jar.get('tdtt_csrf')}`, csrf: jar.get('tdtt_csrf')! };
}

function call(a: Agent, method: string, url: string, body?: unknown) {
  return app.request(url, {
    method,
    headers: { Cookie: a.cookie, 'X-CSRF-Token': a.csrf, 'Content-Type': 'application/json', 'X-Forwarded-For': '192.0.2.10' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

interface ApiUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  unitId: string | null;
  unitName: string | null;
  disabled: boolean;
}

describe('users (admin)', () => {
  let admin: Agent;
  let leadId: string;
  beforeAll(async () => {
    admin = await signIn(ADMIN.username, ADMIN.password);
  });

  it('creates a lead with a unit, who can then sign in and sees the unit name', async () => {
    const res = await call(admin, 'POST', '/api/users', { username: 'BS.Lan', displayName: 'Bác sĩ Lan', password: 'mat-khau-lan-1', role: 'lead', unitId: 'so-y-te' });
    expect(res.status).toBe(201);
    const { user } = (await res.json()) as { user: ApiUser };
    leadId = user.id;
    expect(user).toMatchObject({ username: 'bs.lan', displayName: 'Bác sĩ Lan', role: 'lead', unitId: 'so-y-te', unitName: 'Sở Y tế', disabled: false });
    const lead = await signIn('bs.lan', 'mat-khau-lan-1');
    const me = (await (await call(lead, 'GET', '/api/auth/me')).json()) as { user: ApiUser };
    expect(me.user).toEqual({ id: leadId, username: 'bs.lan', displayName: 'Bác sĩ Lan', role: 'lead', unitId: 'so-y-te', unitName: 'Sở Y tế' });
    const list = (await (await call(admin, 'GET', '/api/users')).json()) as { users: ApiUser[] };
    expect(list.users.map((u) => u.username).sort()).toEqual(['bs.lan', 'quantri']);
    expect(JSON.stringify(list)).not.toMatch(/argon2|password/i);
  });

  it('refuses bad accounts: 409 for a taken username, 400 for a lead without a unit, an unknown unit or a short password', async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ username: 'bs.lan', password: 'mat-khau-lan-2', role: 'staff' }, 409, /đã có/],
      [{ username: 'khong-don-vi', password: 'mat-khau-dai-1', role: 'lead' }, 400, /đơn vị/],
      [{ username: 'sai-don-vi', password: 'mat-khau-dai-1', role: 'lead', unitId: 'khong-co' }, 400, /khong-co/],
      [{ username: 'ngan', password: 'ngan', role: 'staff' }, 400, /password/],
      [{ username: 'có dấu', password: 'mat-khau-dai-1', role: 'staff' }, 400, /username/],
      [{ username: 'vai-tro', password: 'mat-khau-dai-1', role: 'root' }, 400, /role/],
    ];
    for (const [body, status, message] of cases) {
      const res = await call(admin, 'POST', '/api/users', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
  });

  it('edits role, unit and display name; moving a lead ends their sessions', async () => {
    const lead = await signIn('bs.lan', 'mat-khau-lan-1');
    const res = await call(admin, 'PATCH', `/api/users/${leadId}`, { unitId: 'so-tai-chinh', displayName: 'Chị Lan' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: ApiUser }).user).toMatchObject({ unitId: 'so-tai-chinh', unitName: 'Sở Tài chính', displayName: 'Chị Lan', role: 'lead' });
    expect((await call(lead, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await call(admin, 'PATCH', `/api/users/${leadId}`, { unitId: null })).status).toBe(400);
    expect((await call(admin, 'PATCH', `/api/users/${leadId}`, { password: 'x' })).status).toBe(400);
    expect((await call(admin, 'PATCH', '/api/users/u-khong-co', { displayName: 'x' })).status).toBe(404);
  });

  it('does not let an admin disable or demote themselves', async () => {
    const me = (await (await call(admin, 'GET', '/api/auth/me')).json()) as { user: ApiUser };
    for (const body of [{ disabled: true }, { role: 'staff' }]) {
      expect((await call(admin, 'PATCH', `/api/users/${me.user.id}`, body)).status).toBe(400);
    }
    expect((await call(admin, 'GET', '/api/auth/me')).status).toBe(200);
  });

  it('resets a password: the old one and old sessions stop working, the new one works', async () => {
    const before = await signIn('bs.lan', 'mat-khau-lan-1');
    expect((await call(admin, 'POST', `/api/users/${leadId}/password`, { password: 'mat-khau-moi-9' })).status).toBe(204);
    expect((await call(before, 'GET', '/api/auth/me')).status).toBe(401);
    const old = await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '192.0.2.77' }, body: JSON.stringify({ username: 'bs.lan', password: 'mat-khau-lan-1' }) });
    expect(old.status).toBe(401);
    await signIn('bs.lan', 'mat-khau-moi-9');
  });
});

describe('roles', () => {
  it('keeps users and audit to admins, job runs to staff and admins, and lead writes out', async () => {
    const admin = await signIn(ADMIN.username, ADMIN.password);
    expect((await call(admin, 'POST', '/api/users', { username: 'canbo.mot', password: 'mat-khau-canbo', role: 'staff' })).status).toBe(201);
    const staff = await signIn('canbo.mot', 'mat-khau-canbo');
    const lead = await signIn('bs.lan', 'mat-khau-moi-9');
    for (const a of [staff, lead]) {
      for (const [m, url] of [['GET', '/api/users'], ['GET', '/api/audit'], ['POST', '/api/users'], ['PATCH', '/api/users/x'], ['POST', '/api/users/x/password']] as const) {
        const res = await call(a, m, url, m === 'GET' ? undefined : {});
        expect(res.status, `${m} ${url}`).toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
      }
    }
    expect((await call(lead, 'POST', '/api/jobs/rollup/run')).status).toBe(403);
    const run = await call(staff, 'POST', '/api/jobs/rollup/run');
    expect(run.status).toBe(202);
    expect(((await run.json()) as { runId: string }).runId).toMatch(/^\d+$/);
    expect((await call(lead, 'GET', '/api/jobs')).status).toBe(200);
  });
});

describe('audit log', () => {
  it('records sign-ins, failures and user edits with who, when and from where, newest first, paged', async () => {
    const admin = await signIn(ADMIN.username, ADMIN.password, '198.51.100.7');
    const page1 = (await (await call(admin, 'GET', '/api/audit?pageSize=3')).json()) as { entries: { at: string; action: string; username: string; ip: string }[]; total: number; page: number; pageSize: number };
    expect(page1.entries).toHaveLength(3);
    expect(page1.entries[0]).toMatchObject({ action: 'login.ok', username: 'quantri', ip: '198.51.100.7' });
    expect(page1.total).toBeGreaterThan(10);
    const all = (await (await call(admin, 'GET', `/api/audit?pageSize=500`)).json()) as typeof page1;
    expect(all.entries).toHaveLength(all.total);
    const actions = new Set(all.entries.map((e) => e.action));
    for (const a of ['user.create', 'user.update', 'user.password_reset', 'login.ok', 'login.failed']) expect(actions).toContain(a);
    const times = all.entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    const page2 = (await (await call(admin, 'GET', '/api/audit?pageSize=3&page=2')).json()) as typeof page1;
    expect(page2.entries).toEqual(all.entries.slice(3, 6));
    const failed = (await (await call(admin, 'GET', '/api/audit?action=login.failed')).json()) as typeof page1;
    expect(failed.entries.every((e) => e.action === 'login.failed')).toBe(true);
    expect(failed.entries.some((e) => e.username === 'bs.lan' && e.ip === '192.0.2.77')).toBe(true);
    expect((await call(admin, 'GET', '/api/audit?pageSize=0')).status).toBe(400);
  });
});

describe('first admin and demo users', () => {
  it('ensureAdmin keeps the configured account an enabled admin with the configured password', async () => {
    const user = (await q.getUserByUsername(db, 'quantri'))!;
    expect(await ensureAdmin(db, ADMIN)).toEqual({ username: 'quantri', action: 'unchanged' });
    await q.updateUser(db, user.id, { disabled: true, role: 'staff' });
    expect(await ensureAdmin(db, { username: 'QuanTri', password: 'mat-khau-khac-1' })).toEqual({ username: 'quantri', action: 'updated' });
    expect((await q.getUserByUsername(db, 'quantri'))).toMatchObject({ role: 'admin', disabled: false });
    await signIn('quantri', 'mat-khau-khac-1');
    expect(await ensureAdmin(db, null)).toBeNull();
  });

  it('createDemoUsers makes a staff user and unit leads whose printed logins work, idempotently', async () => {
    const logins = await createDemoUsers(db, { staff: true, leads: [{ unitId: 'so-y-te' }, { unitId: 'so-tai-chinh' }] });
    expect(logins.map((l) => [l.role, l.unitId])).toEqual([['staff', null], ['lead', 'so-y-te'], ['lead', 'so-tai-chinh']]);
    expect(await createDemoUsers(db, { staff: true, leads: [{ unitId: 'so-y-te' }, { unitId: 'so-tai-chinh' }] })).toEqual(logins);
    for (const l of logins) {
      const a = await signIn(l.username, l.password, '203.0.113.5');
      const me = (await (await call(a, 'GET', '/api/auth/me')).json()) as { user: ApiUser };
      expect([me.user.role, me.user.unitId]).toEqual([l.role, l.unitId]);
    }
    await expect(createDemoUsers(db, { staff: false, leads: [{ unitId: 'khong-co' }] })).rejects.toThrow(/khong-co/);
  });
});

describe('OpenAPI', () => {
  it('documents the auth, users and audit routes', async () => {
    const admin = await signIn('quantri', 'mat-khau-khac-1');
    const doc = (await (await call(admin, 'GET', '/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const p of ['/api/auth/login', '/api/auth/logout', '/api/auth/me', '/api/users', '/api/users/{id}', '/api/users/{id}/password', '/api/audit']) expect(Object.keys(doc.paths)).toContain(p);
  });
});
