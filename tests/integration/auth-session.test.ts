import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JobRunner } from '@tdtt/jobs/schedule';
import { createApp } from '@tdtt/server/app';
import { loadConfig } from '@tdtt/server/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/src/auth';
import { Database } from '../../server/src/db/connection';
import { migrate } from '../../server/src/db/migrate';
import * as q from '../../server/src/db/queries';
import { DuckDbStore } from '../../server/src/runtime/store';

// Sign-in, sign-out, cookies, CSRF, rate limit and disabled users through the real app on a real DuckDB file.

const dir = mkdtempSync(path.join(tmpdir(), 'tdtt-auth-session-'));
const clock = { t: Date.parse('2025-05-01T02:00:00Z') };
let db: Database;
let app: ReturnType<typeof createApp>;
const PASSWORD = 'mat-khau-an-toan';

beforeAll(async () => {
  db = await Database.open(path.join(dir, 'tdtt.duckdb'));
  await migrate(db);
  await q.upsertUnits(db, [
    { id: 'tinh', name: 'Tỉnh ủy', kind: 'tinh-uy', parentId: null },
    { id: 'so-a', name: 'Sở A', kind: 'so', parentId: 'tinh' },
  ]);
  for (const [username, role, unitId] of [['admin1', 'admin', null], ['staff1', 'staff', null], ['lead1', 'lead', 'so-a'], ['lead2', 'lead', 'so-a'], ['lead3', 'lead', 'so-a']] as const) {
    await createAccount(db, { username, displayName: `Người ${username}`, password: PASSWORD, role, unitId });
  }
  const now = () => new Date(clock.t);
  app = createApp({ db, config: loadConfig({ DATA_DIR: dir }), runner: new JobRunner(new DuckDbStore(db, now)), scheduler: null, now });
});

afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Agent {
  cookie: string;
  csrf: string;
}

function cookiesOf(res: Response): Map<string, string> {
  return new Map(res.headers.getSetCookie().map((c) => [c.split('=')[0]!, c]));
}

async function login(username: string, password = PASSWORD, headers: Record<string, string> = {}, url = 'http://localhost/api/auth/login') {
  return app.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ username, password }) });
}

async function signIn(username: string): Promise<Agent> {
  const res = await login(username);
  expect(res.status).toBe(200);
  const set = cookiesOf(res);
  const value = (name: string) => set.get(name)!.split(';')[0]!.split('=')[1]!;
  return { cookie: `tdtt_session=${value('tdtt_session')}; tdtt_csrf=${value('tdtt_csrf')}`, csrf: value('tdtt_csrf') };
}

const get = (p: string, a?: Agent) => app.request(p, { headers: a ? { Cookie: a.cookie } : {} });
const post = (p: string, a: Agent, opts: { csrf?: string | null; body?: unknown } = {}) =>
  app.request(p, {
    method: 'POST',
    headers: { Cookie: a.cookie, 'Content-Type': 'application/json', ...(opts.csrf === null ? {} : { 'X-CSRF-Token': opts.csrf ?? a.csrf }) },
    body: JSON.stringify(opts.body ?? {}),
  });
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe('sign-in', () => {
  it('answers the user and sets an HttpOnly Lax session cookie and a readable CSRF cookie', async () => {
    const res = await login('Lead1');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { id: expect.any(String), username: 'lead1', displayName: 'Người lead1', role: 'lead', unitId: 'so-a', unitName: 'Sở A' }, mustChangePassword: false });
    const set = cookiesOf(res);
    const session = set.get('tdtt_session')!;
    const csrf = set.get('tdtt_csrf')!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Path=\//);
    expect(session).not.toMatch(/Secure/);
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(csrf).toMatch(/SameSite=Lax/);
    expect(session.split(';')[0]!.length).toBeGreaterThan(40);
  });

  it('marks both cookies Secure over HTTPS (direct or behind a proxy)', async () => {
    for (const res of [await login('lead1', PASSWORD, { 'X-Forwarded-Proto': 'https' }), await login('lead1', PASSWORD, {}, 'https://tdtt.example/api/auth/login')]) {
      expect(res.status).toBe(200);
      for (const c of cookiesOf(res).values()) expect(c).toMatch(/; Secure/);
    }
  });

  it('GET /api/auth/me answers the signed-in user and 401 without a session', async () => {
    const a = await signIn('staff1');
    const me = await get('/api/auth/me', a);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { role: string } }).user.role).toBe('staff');
    const anon = await get('/api/auth/me');
    expect(anon.status).toBe(401);
    expect(await errorCode(anon)).toBe('unauthorized');
  });

  it('refuses a wrong password or unknown user with 401, sets no cookie, and logs the failure', async () => {
    for (const [u, p] of [['lead1', 'sai-mat-khau'], ['khong-co-ai', PASSWORD]]) {
      const res = await login(u!, p, { 'X-Forwarded-For': '10.9.9.9' });
      expect(res.status).toBe(401);
      expect(await errorCode(res)).toBe('invalid_credentials');
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    const failed = await db.all<{ username: string; ip: string; detail_json: string }>(`SELECT username, ip, detail_json FROM audit_log WHERE action = 'login.failed' AND ip = '10.9.9.9' ORDER BY id`);
    expect(failed.map((r) => [r.username, JSON.parse(r.detail_json).reason])).toEqual([['lead1', 'bad-password'], ['khong-co-ai', 'unknown-user']]);
  });

  it('answers 400 naming the field for a malformed body', async () => {
    const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'x' }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/password/);
  });
});

describe('sign-out and CSRF', () => {
  it('refuses state-changing requests without the CSRF header or with a wrong one (403 JSON)', async () => {
    const a = await signIn('lead2');
    const b = await signIn('lead3');
    for (const csrf of [null, 'sai', b.csrf]) {
      const res = await post('/api/auth/logout', a, { csrf });
      expect(res.status).toBe(403);
      expect(await errorCode(res)).toBe('csrf');
    }
    // A planted cookie + matching header that is not this session's token does not pass either.
    const planted = { cookie: a.cookie.replace(/tdtt_csrf=[^;]+/, `tdtt_csrf=${b.csrf}`), csrf: b.csrf };
    expect((await post('/api/auth/logout', planted)).status).toBe(403);
    expect((await get('/api/auth/me', a)).status).toBe(200);
  });

  it('signs out with 204, clears the cookies and ends the session on the server', async () => {
    const a = await signIn('lead2');
    const res = await post('/api/auth/logout', a);
    expect(res.status).toBe(204);
    const set = cookiesOf(res);
    expect(set.get('tdtt_session')).toMatch(/Max-Age=0/);
    expect(set.get('tdtt_csrf')).toMatch(/Max-Age=0/);
    expect((await get('/api/auth/me', a)).status).toBe(401);
  });

  it('ends a session after 12 idle hours, and slides while in use', async () => {
    const a = await signIn('lead3');
    clock.t += 11 * 3600_000;
    expect((await get('/api/auth/me', a)).status).toBe(200);
    clock.t += 11 * 3600_000;
    expect((await get('/api/auth/me', a)).status).toBe(200);
    clock.t += 12 * 3600_000 + 1000;
    expect((await get('/api/auth/me', a)).status).toBe(401);
  });
});

describe('disabled users', () => {
  it('cannot sign in, and their open sessions stop working', async () => {
    const admin = await signIn('admin1');
    const victim = await signIn('lead3');
    const id = ((await (await get('/api/auth/me', victim)).json()) as { user: { id: string } }).user.id;
    const res = await app.request(`/api/users/${id}`, {
      method: 'PATCH',
      headers: { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf, 'Content-Type': 'application/json' },
      body: JSON.stringify({ disabled: true }),
    });
    expect(res.status).toBe(200);
    expect((await get('/api/auth/me', victim)).status).toBe(401);
    const again = await login('lead3');
    expect(again.status).toBe(401);
    expect(await errorCode(again)).toBe('account_disabled');
    // Even a session row left behind is refused while the user is disabled.
    await q.insertSession(db, { id: 'left-behind', userId: id, csrfToken: 'x', now: new Date(clock.t), expiresAt: new Date(clock.t + 3600_000), ip: null, userAgent: null });
    expect(await q.liveSession(db, 'left-behind', new Date(clock.t))).toBeNull();
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 with Retry-After after 5 failures of a (username, address) pair, for 15 minutes; other addresses still sign in', async () => {
    for (let i = 0; i < 5; i++) expect((await login('staff1', 'sai', { 'X-Forwarded-For': '10.0.1.1' })).status).toBe(401);
    const limited = await login('staff1', PASSWORD, { 'X-Forwarded-For': '10.0.1.1' });
    expect(limited.status).toBe(429);
    expect(await errorCode(limited)).toBe('rate_limited');
    const retry = Number(limited.headers.get('Retry-After'));
    expect(retry).toBeGreaterThan(14 * 60);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    // The right password from elsewhere is not locked out, nor another user from the same address.
    expect((await login('staff1', PASSWORD, { 'X-Forwarded-For': '10.0.1.99' })).status).toBe(200);
    expect((await login('admin1', PASSWORD, { 'X-Forwarded-For': '10.0.1.1' })).status).toBe(200);
    clock.t += 15 * 60_000 + 1000;
    expect((await login('staff1', PASSWORD, { 'X-Forwarded-For': '10.0.1.1' })).status).toBe(200);
    const logged = await db.one<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'login.limited' AND username = 'staff1'`);
    expect(logged!.n).toBe(1);
  });

  it('limits an address trying many usernames', async () => {
    for (let i = 0; i < 20; i++) expect((await login(`doan-${i}`, 'sai', { 'X-Forwarded-For': '10.0.2.1' })).status).toBe(401);
    expect((await login('admin1', PASSWORD, { 'X-Forwarded-For': '10.0.2.1' })).status).toBe(429);
    expect((await login('admin1', PASSWORD, { 'X-Forwarded-For': '10.0.2.2' })).status).toBe(200);
  });
});

describe('changing one’s own password', () => {
  const NEW = 'mat-khau-moi-cua-lead2';
  it('needs the current password and a strong new one, then ends every other session of the user', async () => {
    const here = await signIn('lead2');
    const elsewhere = await signIn('lead2');
    const other = await signIn('lead1');
    const change = (body: unknown) => post('/api/auth/password', here, { body });

    const wrong = await change({ currentPassword: 'khong-dung-dau', newPassword: NEW });
    expect(wrong.status).toBe(403);
    expect(await errorCode(wrong)).toBe('wrong_password');
    for (const [newPassword, why] of [['ngan-qua', /12 ký tự/], ['password1234', /phổ biến/], [PASSWORD, /khác/]] as const) {
      const res = await change({ currentPassword: PASSWORD, newPassword });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(new RegExp(`newPassword.*${why.source}`));
    }
    expect((await get('/api/auth/me', elsewhere)).status).toBe(200);

    expect((await change({ currentPassword: PASSWORD, newPassword: NEW })).status).toBe(204);
    expect((await get('/api/auth/me', here)).status).toBe(200);
    expect((await get('/api/auth/me', elsewhere)).status).toBe(401);
    expect((await get('/api/auth/me', other)).status).toBe(200);
    expect((await login('lead2', PASSWORD)).status).toBe(401);
    expect((await login('lead2', NEW)).status).toBe(200);
    const actions = await db.all<{ action: string }>(`SELECT action FROM audit_log WHERE username = 'lead2' AND starts_with(action, 'password.') ORDER BY id`);
    expect(actions.map((a) => a.action)).toEqual(['password.change_failed', 'password.change']);
  });

  it('refuses without a session or without the CSRF token', async () => {
    const res = await app.request('/api/auth/password', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ currentPassword: 'a', newPassword: 'b' }) });
    expect(res.status).toBe(401);
    const a = await signIn('staff1');
    expect((await post('/api/auth/password', a, { csrf: null, body: { currentPassword: PASSWORD, newPassword: 'mat-khau-moi-staff' } })).status).toBe(403);
  });
});
