import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createErrorHandler } from '../errors';
import { memoryFailureStore, rateLimit } from './index';

const checks = { n: 0 };

function appWith(now: { t: number }, opts: { max?: number } = {}) {
  const app = new Hono();
  app.onError(createErrorHandler());
  app.use(
    '/login',
    rateLimit({
      max: opts.max ?? 3,
      windowMs: 60_000,
      now: () => new Date(now.t),
      store: memoryFailureStore(),
      keys: (c) => [`user:${c.req.query('u')}`, `ip:${c.req.header('x-ip')}`],
      clearOnSuccess: (k) => k.startsWith('user:'),
    }),
  );
  app.post('/login', async (c) => {
    checks.n++;
    await new Promise((r) => setTimeout(r, 5)); // a password check takes time: parallel attempts overlap it
    return c.req.query('ok') ? c.json({ ok: true }) : c.json({ error: 'no' }, 401);
  });
  return app;
}

const attempt = (app: Hono, u: string, ip: string, ok = false) => app.request(`/login?u=${u}${ok ? '&ok=1' : ''}`, { method: 'POST', headers: { 'x-ip': ip } });

describe('rateLimit', () => {
  it('answers 429 with Retry-After once a username has max failures, until the window passes', async () => {
    const now = { t: Date.parse('2025-01-01T00:00:00Z') };
    const app = appWith(now);
    for (let i = 0; i < 3; i++) expect((await attempt(app, 'an', `10.0.0.${i}`)).status).toBe(401);
    const limited = await attempt(app, 'an', '10.0.0.9', true);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('60');
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect((await attempt(app, 'binh', '10.0.0.9', true)).status).toBe(200);
    now.t += 61_000;
    expect((await attempt(app, 'an', '10.0.0.9', true)).status).toBe(200);
  });

  it('lets no more than max parallel attempts through to the check', async () => {
    const now = { t: Date.parse('2025-01-01T00:00:00Z') };
    const app = appWith(now);
    checks.n = 0;
    const statuses = await Promise.all(Array.from({ length: 40 }, async () => (await attempt(app, 'song-song', '10.3.0.1')).status));
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(37);
    expect(checks.n).toBe(3);
  });

  it('limits an address across usernames', async () => {
    const now = { t: Date.parse('2025-01-01T00:00:00Z') };
    const app = appWith(now);
    for (const u of ['a1', 'a2', 'a3']) expect((await attempt(app, u, '10.1.1.1')).status).toBe(401);
    expect((await attempt(app, 'a4', '10.1.1.1', true)).status).toBe(429);
    expect((await attempt(app, 'a4', '10.1.1.2', true)).status).toBe(200);
  });

  it('clears a username’s failures on success, not the address’s', async () => {
    const now = { t: Date.parse('2025-01-01T00:00:00Z') };
    const app = appWith(now);
    await attempt(app, 'chi', '10.2.0.1');
    await attempt(app, 'chi', '10.2.0.2');
    expect((await attempt(app, 'chi', '10.2.0.3', true)).status).toBe(200);
    await attempt(app, 'chi', '10.2.0.4');
    await attempt(app, 'chi', '10.2.0.5');
    expect((await attempt(app, 'chi', '10.2.0.6', true)).status).toBe(200);
  });
});
