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

// A section page whose item dates are written month-first (only the site's admin knows), and a
// notice whose body is a short block Readability passes over for a longer box of links.
const LISTING = `<!doctype html><html><head><title>Tin tức</title></head><body><ul class="tin">
${[1, 2, 3, 4, 5].map((k) => `<li><a href="/tin/${k}">Tin hoạt động số ${k} của Sở trong tháng</a> <span class="ngay">06/0${k}/2025</span></li>`).join('')}
</ul></body></html>`;
const NOTICE = `<!doctype html><html><head><title>Thông báo</title></head><body>
<div class="lien-ket">${'<p>Liên kết website các sở, ban, ngành và ủy ban nhân dân các huyện trong tỉnh, xem thêm tại đây. </p>'.repeat(6)}</div>
<div class="noidung-chinh"><p>Thông báo lịch tiếp công dân của Giám đốc Sở vào thứ Năm hằng tuần.</p></div></body></html>`;

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
    if (req.url === '/tin-tuc') return send(200, 'text/html; charset=utf-8', LISTING);
    if (req.url === '/thong-bao/1') return send(200, 'text/html; charset=utf-8', NOTICE);
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

  it('listing selectors and overrides: invalid ones refused with 400 naming the field, tried with "Tải thử" before saving, then saved', async () => {
    const bad = await post(w, '/api/sources', admin, { unitId: 'so-a1', kind: 'listing', url: `${s.url}/tin-tuc`, listing: { item: ':::' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('listing.item');
    const badNext = await post(w, '/api/sources', admin, { unitId: 'so-a1', kind: 'listing', url: `${s.url}/tin-tuc`, listing: { item: 'ul.tin > li', next: 'a[[' } });
    expect(badNext.status).toBe(400);
    expect(JSON.stringify(badNext.body)).toContain('listing.next');
    // No selector at all: the page's structure is read, and a selector is suggested.
    const created = await post(w, '/api/sources', admin, { unitId: 'so-a1', kind: 'listing', url: `${s.url}/tin-tuc` });
    expect(created.status).toBe(201);
    const id = created.body.source.id;
    const auto = await post(w, `/api/sources/${id}/test`, admin);
    expect(auto.body).toMatchObject({ ok: true, kind: 'listing', itemCount: 5, listing: { via: 'auto', suggested: { item: 'ul.tin > li' } } });
    expect(auto.body.items[0].published).toBe('2025-01-06T00:00:00+07:00'); // read day-first
    // A draft: the month-first dates the admin knows the site writes; nothing saved yet.
    const draft = await post(w, `/api/sources/${id}/test`, admin, { listing: { item: 'ul.tin > li' }, overrides: { dateOrder: 'mdy' } });
    expect(draft.body).toMatchObject({ ok: true, itemCount: 5, listing: { via: 'selectors' } });
    expect(draft.body.items.map((i: any) => i.published)).toEqual(['2025-06-01', '2025-06-02', '2025-06-03', '2025-06-04', '2025-06-05'].map((d) => `${d}T00:00:00+07:00`));
    expect((await getJson(w.base, `/api/sources/${id}/events`, { headers: admin })).body.source.overrides).toBeNull();
    for (const [body, field] of [
      [{ overrides: { contentSelector: ':::' } }, 'overrides.contentSelector'],
      [{ overrides: { encoding: 'klingon-8' } }, 'overrides.encoding'],
      [{ overrides: { pollMinutes: 1 } }, 'overrides.pollMinutes'],
      [{ overrides: { dateOrder: 'ymd' } }, 'overrides.dateOrder'],
    ] as const) {
      const r = await getJson(w.base, `/api/sources/${id}/settings`, { method: 'PUT', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(r.status, field).toBe(400);
      expect(JSON.stringify(r.body), field).toContain(field);
    }
    const saved = await getJson(w.base, `/api/sources/${id}/settings`, {
      method: 'PUT', headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ listing: { item: 'ul.tin > li', next: null }, overrides: { dateOrder: 'mdy', encoding: 'utf-8', pollMinutes: 120 } }),
    });
    expect(saved.status).toBe(200);
    expect(saved.body.source).toMatchObject({ listing: { item: 'ul.tin > li', next: null }, overrides: { dateOrder: 'mdy', encoding: 'utf-8', pollMinutes: 120 } });
    const again = await post(w, `/api/sources/${id}/test`, admin);
    expect(again.body.items[0].published).toBe('2025-06-01T00:00:00+07:00');
    expect(JSON.stringify((await getJson(w.base, '/api/audit', { headers: admin })).body)).toContain('source.settings');
  });

  it('a content selector picks the article body Readability passes over', async () => {
    const created = await post(w, '/api/sources', admin, { unitId: 'so-a1', kind: 'page', url: `${s.url}/thong-bao/1` });
    const id = created.body.source.id;
    const plain = await post(w, `/api/sources/${id}/test`, admin);
    expect(plain.body.items[0].excerpt).not.toContain('lịch tiếp công dân');
    const chosen = await post(w, `/api/sources/${id}/test`, admin, { overrides: { contentSelector: '.noidung-chinh' } });
    expect(chosen.body.items[0].excerpt).toBe('Thông báo lịch tiếp công dân của Giám đốc Sở vào thứ Năm hằng tuần.');
  });

  it('odd bodies for settings and "Tải thử" answer 400, never 500', async () => {
    const id = w.sourceIds['so-b1'];
    const bodies = ['[]', '"x"', 'null', '{', '{"listing":{"item":5}}', '{"overrides":{"extra":1}}', '{"overrides":{"pollMinutes":1e9}}', '{"listing":{"item":""}}'];
    for (const raw of bodies) {
      for (const [method, path] of [['PUT', `/api/sources/${id}/settings`], ['POST', `/api/sources/${id}/test`]] as const) {
        const r = await getJson(w.base, path, { method, headers: { ...admin, 'content-type': 'application/json' }, body: raw });
        expect(r.status, `${method} ${raw}`).toBe(400);
      }
    }
  });
});
