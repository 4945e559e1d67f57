import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '@tdtt/server/main';
import { createAccount } from '../../server/src/auth';
import { startTestServer, tempDir } from '../support';

// The sign-in limit through real HTTP servers on 127.0.0.1 (real sockets, so the peer address is
// real): one trusting no proxy (the default), one trusting loopback as its reverse proxy.

const PASSWORD = 'mat-khau-an-toan';
const dirs = [tempDir('tdtt-signin-plain-'), tempDir('tdtt-signin-proxy-')];
let plain: Server;
let proxied: Server;

beforeAll(async () => {
  plain = await startTestServer({ dataDir: dirs[0]!.dir, demo: false });
  proxied = await startTestServer({ dataDir: dirs[1]!.dir, demo: false, env: { TRUST_PROXY: 'loopback' } });
  for (const s of [plain, proxied]) {
    for (const username of ['canbo.an', 'canbo.binh', 'canbo.chi']) {
      await createAccount(s.db, { username, displayName: username, password: PASSWORD, role: 'staff', unitId: null });
    }
  }
}, 60_000);

afterAll(async () => {
  await Promise.all([plain?.close(), proxied?.close()]);
  for (const d of dirs) d.remove();
});

const login = (s: Server, username: string, password: string, forwardedFor?: string) =>
  fetch(`${s.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}) },
    body: JSON.stringify({ username, password }),
  });

const audited = (s: Server, action: string, username: string) =>
  s.db.all<{ ip: string }>(`SELECT ip FROM audit_log WHERE action = $1 AND username = $2`, [action, username]);

describe('sign-in limit', () => {
  it('lets no more than 5 of 40 parallel wrong passwords reach the password check', async () => {
    const statuses = await Promise.all(Array.from({ length: 40 }, () => login(proxied, 'canbo.an', 'sai-mat-khau', '203.0.113.1').then((r) => r.status)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    expect(await audited(proxied, 'login.failed', 'canbo.an')).toHaveLength(5);
  });

  it('keeps the (user, address) pair out, not the right password from another address', async () => {
    expect((await login(proxied, 'canbo.an', PASSWORD, '203.0.113.1')).status).toBe(429);
    expect((await login(proxied, 'canbo.an', PASSWORD, '203.0.113.2')).status).toBe(200);
  });

  it('ignores a forged X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    for (let i = 0; i < 5; i++) expect((await login(plain, 'canbo.binh', 'sai-mat-khau', `198.51.100.${i}`)).status).toBe(401);
    // A new forged address does not buy a fresh count: the caller is still 127.0.0.1.
    expect((await login(plain, 'canbo.binh', PASSWORD, '198.51.100.99')).status).toBe(429);
    expect(new Set((await audited(plain, 'login.failed', 'canbo.binh')).map((r) => r.ip))).toEqual(new Set(['127.0.0.1']));
  });

  it('behind a trusted proxy takes the right-most untrusted hop, not what the client wrote on the left', async () => {
    expect((await login(proxied, 'canbo.chi', PASSWORD, '6.6.6.6, 192.0.2.44')).status).toBe(200);
    expect((await audited(proxied, 'login.ok', 'canbo.chi')).map((r) => r.ip)).toEqual(['192.0.2.44']);
  });

  it('limits one address trying many usernames after 20 failures', async () => {
    for (let i = 0; i < 20; i++) expect((await login(proxied, `khong-co-${i}`, 'sai-mat-khau', '192.0.2.200')).status).toBe(401);
    expect((await login(proxied, 'canbo.chi', PASSWORD, '192.0.2.200')).status).toBe(429);
    expect((await login(proxied, 'canbo.chi', PASSWORD, '192.0.2.201')).status).toBe(200);
  });
});
