import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createErrorHandler } from '../errors';
import { csrf } from './index';

function appWith(opts: Parameters<typeof csrf>[0]) {
  const app = new Hono();
  app.onError(createErrorHandler());
  app.use('*', csrf(opts));
  app.get('/x', (c) => c.text('read'));
  app.post('/x', (c) => c.text('wrote'));
  app.post('/login', (c) => c.text('in'));
  return app;
}

describe('csrf', () => {
  const app = appWith({ exempt: (m, p) => m === 'POST' && p === '/login', expected: () => 'tok' });

  it('lets reads and exempt writes through without a token', async () => {
    expect((await app.request('/x')).status).toBe(200);
    expect((await app.request('/login', { method: 'POST' })).status).toBe(200);
  });

  it('answers 403 JSON when the header is missing or does not match', async () => {
    for (const headers of <Record<string, string>[]>[{ Cookie: 'tdtt_csrf=tok' }, { Cookie: 'tdtt_csrf=tok', 'X-CSRF-Token': 'other' }, { Cookie: 'tdtt_csrf=evil', 'X-CSRF-Token': 'evil' }]) {
      const res = await app.request('/x', { method: 'POST', headers });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf');
    }
  });

  it('accepts the header equal to the cookie and the session token', async () => {
    const res = await app.request('/x', { method: 'POST', headers: { Cookie: 'tdtt_csrf=tok', 'X-CSRF-Token': 'tok' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('wrote');
  });

  it('honours other cookie and header names', async () => {
    const other = appWith({ cookieName: 'c', headerName: 'X-C' });
    expect((await other.request('/x', { method: 'POST', headers: { Cookie: 'c=1', 'X-C': '1' } })).status).toBe(200);
    expect((await other.request('/x', { method: 'POST', headers: { Cookie: 'tdtt_csrf=1', 'X-CSRF-Token': '1' } })).status).toBe(403);
  });
});
