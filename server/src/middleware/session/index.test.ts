import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../auth/accounts';
import { newToken, tokenId } from '../../auth/tokens';
import { Database } from '../../db/connection';
import { migrate } from '../../db/migrate';
import * as q from '../../db/queries';
import { createErrorHandler } from '../errors';
import type { ScopeVariables } from '../scope';
import { requireRole, session, type AuthVariables } from './index';

const dir = mkdtempSync(path.join(tmpdir(), 'tdtt-session-'));
let db: Database;
const clock = { t: Date.parse('2025-04-01T08:00:00Z') };
const tokens: Record<string, string> = {};

beforeAll(async () => {
  db = await Database.open(path.join(dir, 'db.duckdb'));
  await migrate(db);
  await q.upsertUnits(db, [
    { id: 'goc', name: 'Gốc', kind: 'tinh-uy', parentId: null },
    { id: 'a', name: 'A', kind: 'so', parentId: 'goc' },
    { id: 'a1', name: 'A1', kind: 'so', parentId: 'a' },
    { id: 'b', name: 'B', kind: 'so', parentId: 'goc' },
  ]);
  for (const [username, role, unitId] of [['staff1', 'staff', null], ['lead1', 'lead', 'a'], ['off1', 'lead', 'b']] as const) {
    const u = await createAccount(db, { username, displayName: username, password: 'mat-khau-dai', role, unitId });
    tokens[username] = newToken();
    await q.insertSession(db, { id: tokenId(tokens[username]!), userId: u.id, csrfToken: 'c', now: new Date(clock.t), expiresAt: new Date(clock.t + 3600_000), ip: null, userAgent: null });
  }
  const off = await q.getUserByUsername(db, 'off1');
  await q.updateUser(db, off!.id, { disabled: true });
});

afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

function appWith(opts: Partial<Parameters<typeof session>[0]> = {}) {
  const app = new Hono<{ Variables: AuthVariables & ScopeVariables }>();
  app.onError(createErrorHandler({ log: (err) => console.error(err) }));
  app.use('*', session({ db, now: () => new Date(clock.t), ttlMs: 3600_000, touchEveryMs: 60_000, ...opts }));
  app.get('/api/health', (c) => c.json({ user: c.var.user }));
  app.get('/api/who', (c) => c.json({ user: c.var.user?.username, all: c.var.scope.isAll, units: c.var.scope.isAll ? null : [...c.var.scope.unitIds!].sort() }));
  app.get('/api/staff-only', requireRole('admin', 'staff'), (c) => c.text('ok'));
  return app;
}

const as = (name: string) => ({ headers: { Cookie: `tdtt_session=${tokens[name]}` } });

describe('session', () => {
  let app: ReturnType<typeof appWith>;
  beforeAll(() => {
    app = appWith();
  });

  it('answers 401 JSON without a session except on public routes', async () => {
    const res = await app.request('/api/who');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    expect((await app.request('/api/who', { headers: { Cookie: 'tdtt_session=forged' } })).status).toBe(401);
    const health = await app.request('/api/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ user: null });
  });

  it('sets the user and scope: staff sees all, a lead their subtree', async () => {
    expect(await (await app.request('/api/who', as('staff1'))).json()).toEqual({ user: 'staff1', all: true, units: null });
    expect(await (await app.request('/api/who', as('lead1'))).json()).toEqual({ user: 'lead1', all: false, units: ['a', 'a1'] });
  });

  it('requireRole lets listed roles through and answers 403 to others', async () => {
    expect((await app.request('/api/staff-only', as('staff1'))).status).toBe(200);
    expect((await app.request('/api/staff-only', as('lead1'))).status).toBe(403);
  });

  it('refuses a disabled user’s session', async () => {
    expect((await app.request('/api/who', as('off1'))).status).toBe(401);
  });

  it('slides the expiry on use and ends the session when idle past it', async () => {
    clock.t += 50 * 60_000; // 50 min: still live, pushed to +60 min from here
    expect((await app.request('/api/who', as('lead1'))).status).toBe(200);
    clock.t += 50 * 60_000; // 100 min after sign-in, 50 after last use
    expect((await app.request('/api/who', as('lead1'))).status).toBe(200);
    expect((await app.request('/api/who', as('staff1'))).status).toBe(401); // never used since: expired
    clock.t += 61 * 60_000;
    expect((await app.request('/api/who', as('lead1'))).status).toBe(401);
  });

  it('takes the public-route rule as an option', async () => {
    const open = appWith({ isPublic: () => true });
    expect(await (await open.request('/api/who')).json()).toEqual({ all: false, units: [] });
  });
});
