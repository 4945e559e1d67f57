import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../support';
import { startWorld, type World } from './dashboard-world';

// A unit's site on 127.0.0.1: a home page declaring its RSS, robots.txt naming a sitemap, and a broken feed.
const RSS = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin Sở</title><link>/</link>
<item><title>Đẩy mạnh chuyển đổi số</title><link>/tin/1</link><pubDate>Mon, 16 Jun 2025 08:00:00 +0700</pubDate></item>
<item><title>Hội nghị cải cách hành chính</title><link>/tin/2</link><pubDate>Tue, 17 Jun 2025 08:00:00 +0700</pubDate></item>
</channel></rss>`;
const SITEMAP = `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>BASE/tin/1</loc></url></urlset>`;

function site(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const base = `http://${req.headers.host}`;
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (req.url === '/') return send(200, 'text/html; charset=utf-8', `<html><head><title>Sở</title><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body>Trang chủ</body></html>`);
    if (req.url === '/rss.xml') return send(200, 'application/rss+xml', RSS);
    if (req.url === '/robots.txt') return send(200, 'text/plain', `User-agent: *\nAllow: /\nSitemap: ${base}/sitemap.xml\n`);
    if (req.url === '/sitemap.xml') return send(200, 'application/xml', SITEMAP.replace('BASE', base));
    if (req.url === '/hong.xml') return send(500, 'text/plain', 'lỗi');
    send(404, 'text/plain', 'không có');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

describe('sources admin API', () => {
  let w: World;
  let strict: World;
  let s: { server: Server; url: string };
  let admin: Record<string, string>;
  const post = (world: World, path: string, headers: Record<string, string>, body?: unknown) =>
    getJson(world.base, path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

  beforeAll(async () => {
    [w, strict, s] = await Promise.all([startWorld({ allowPrivate: true }), startWorld(), site()]);
    admin = await w.login('admin');
  }, 60_000);
  afterAll(async () => {
    await Promise.all([w?.close(), strict?.close(), new Promise((r) => s?.server.close(r))]);
  });

  it('lists sources with their health per unit, scoped for a lead', async () => {
    const { body } = await getJson(w.base, '/api/sources', { headers: await w.login('staff') });
    expect(body.units.map((u: any) => u.id)).toEqual(['tinh', 'khoi-a', 'so-a1', 'khoi-b', 'so-b1']);
    const sob1 = body.units.find((u: any) => u.id === 'so-b1').sources[0];
    expect(sob1).toMatchObject({ state: 'failing', lastError: 'Máy chủ gặp lỗi (HTTP 500)', failureScore: 3, paused: false });
    expect(sob1.lastSuccessAt).toMatch(/^2025-06-10/);
    const lead = await w.login('lead-a');
    expect((await getJson(w.base, '/api/sources', { headers: lead })).body.units.map((u: any) => u.id)).toEqual(['khoi-a', 'so-a1']);
    expect((await getJson(w.base, '/api/sources?unit=khoi-b', { headers: lead })).status).toBe(403);
    expect((await getJson(w.base, `/api/sources/${w.sourceIds['so-b1']}/events`, { headers: lead })).status).toBe(403);
  });

  it('discovers a home page’s feed and sitemap', async () => {
    const { status, body } = await post(w, '/api/sources/discover', admin, { url: `${s.url}/` });
    expect(status).toBe(200);
    expect(body.proposals.map((p: any) => [p.kind, p.url]).sort()).toEqual([['feed', `${s.url}/rss.xml`], ['sitemap', `${s.url}/sitemap.xml`]]);
    expect(body.listingFallback).toBe(false);
  });

  it('refuses a private address unless it is allowlisted, in plain words', async () => {
    const { status, body } = await post(strict, '/api/sources/discover', await strict.login('admin'), { url: `${s.url}/` });
    expect(status).toBe(422);
    expect(body.error.code).toBe('private-address');
    expect(body.error.message).toMatch(/^Không đọc được trang chủ: /);
  });

  it('adds a source (admin only, once), tests it, pauses and resumes it', async () => {
    const input = { unitId: 'so-a1', kind: 'feed', url: `${s.url}/rss.xml` };
    expect((await post(w, '/api/sources', await w.login('staff'), input)).status).toBe(403);
    const created = await post(w, '/api/sources', admin, input);
    expect(created.status).toBe(201);
    expect(created.body.source).toMatchObject({ unitId: 'so-a1', kind: 'feed', state: 'new' });
    expect((await post(w, '/api/sources', admin, input)).status).toBe(409);
    expect((await post(w, '/api/sources', admin, { ...input, url: 'ftp://x' })).status).toBe(400);
    const id = created.body.source.id;

    const test = await post(w, `/api/sources/${id}/test`, admin);
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ ok: true, kind: 'feed', itemCount: 2 });
    expect(test.body.items.map((i: any) => i.title)).toEqual(['Đẩy mạnh chuyển đổi số', 'Hội nghị cải cách hành chính']);

    const paused = await post(w, `/api/sources/${id}/pause`, admin);
    expect(paused.body.source).toMatchObject({ paused: true, state: 'paused' });
    const resumed = await post(w, `/api/sources/${id}/resume`, admin);
    expect(resumed.body.source).toMatchObject({ paused: false, state: 'new' });
    expect(resumed.body.source.nextPollAt).toMatch(/^2025-06-20/); // polled right away
    const audit = JSON.stringify((await getJson(w.base, '/api/audit', { headers: admin })).body);
    for (const action of ['source.create', 'source.pause', 'source.resume']) expect(audit).toContain(action);
  });

  it('reports a broken source’s error in plain words, and its fetch log', async () => {
    const created = await post(w, '/api/sources', admin, { unitId: 'khoi-b', kind: 'feed', url: `${s.url}/hong.xml` });
    const test = await post(w, `/api/sources/${created.body.source.id}/test`, admin);
    expect(test.body).toEqual({ ok: false, error: { kind: 'http-status', message: 'Máy chủ gặp lỗi (HTTP 500)' } });
    const log = await getJson(w.base, `/api/sources/${w.sourceIds['so-b1']}/events`, { headers: admin });
    expect(log.body.events.map((e: any) => e.status)).toEqual([500, 200]);
    expect(log.body.events[0].message).toBe('Máy chủ gặp lỗi (HTTP 500)');
    expect((await getJson(w.base, '/api/sources/99999/events', { headers: admin })).status).toBe(404);
  });
});
