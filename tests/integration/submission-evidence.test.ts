import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Server } from '@tdtt/server/main';
import { getJson, seededDemoServer, signInDemo } from '../support';

// Submitted evidence: a lead submits a link to a page on a local HTTP server (loopback allowed by
// ALLOW_PRIVATE_HOSTS); it is fetched with the collector's code, stored as 'submitted', classified,
// counted apart from collected posts only once staff accept it.

let server: Server;
let remove: () => void;
let site: HttpServer;
let siteUrl: string;
let staff: Record<string, string>;
let lead: Record<string, string>;
let leadUnit: string;
let leadUserId: string;
let source: { title: string; text: string; day: string; themes: string[] };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const page = () =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(source.title)}</title></head><body>
  <nav><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></nav>
  <article><h1>${esc(source.title)}</h1>${source.text.split(/\n+/).map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>
  <footer>Bản quyền thuộc về trang thông tin</footer></body></html>`;

const post = (path: string, body: unknown, headers: Record<string, string>) =>
  getJson(server.url, path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function submittedCount(unitId: string, themeId: string): Promise<{ own: number; submitted: number }> {
  const row = await server.db.one<{ own: number | null; submitted: number | null }>(
    `SELECT sum(own)::INTEGER AS own, sum(submitted)::INTEGER AS submitted FROM coverage_daily WHERE unit_id = $1 AND theme_id = $2`,
    [unitId, themeId],
  );
  return { own: row?.own ?? 0, submitted: row?.submitted ?? 0 };
}

beforeAll(async () => {
  site = createServer((req, res) => {
    if (req.url?.startsWith('/bai-viet/')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page());
    } else {
      res.writeHead(req.url === '/kin' ? 403 : 404, { 'content-type': 'text/plain' });
      res.end('no');
    }
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  ({ server, remove } = await seededDemoServer(inject('runDir'), { env: { ALLOW_PRIVATE_HOSTS: 'loopback' } }));
  staff = await signInDemo(server, 'staff');
  lead = await signInDemo(server, 'lead');
  const me = (await getJson(server.url, '/api/auth/me', { headers: lead })).body.user;
  leadUnit = me.unitId;
  leadUserId = me.id;
  // The text of a collected post that counts for a theme: the submitted copy should count for it too.
  const version = (await server.db.one<{ value: string }>(`SELECT value FROM settings WHERE key = 'model_version'`))!.value;
  const src = (await server.db.one<{ id: number; title: string; text: string; day: string }>(
    `SELECT p.id, p.title, p.text, strftime(p.published_day, '%Y-%m-%d') AS day FROM posts p
     WHERE p.origin = 'collected' AND length(p.text) > 800
       AND EXISTS (SELECT 1 FROM coverage_daily c JOIN post_themes a ON a.theme_id = c.theme_id AND a.post_id = p.id AND a.model_version = $1
                   WHERE c.unit_id = p.unit_id AND c.day = p.published_day AND a.score > 3)
     ORDER BY p.id LIMIT 1`,
    [version],
  ))!;
  const themes = await server.db.all<{ theme_id: string }>(`SELECT theme_id FROM post_themes WHERE post_id = $1 AND model_version = $2`, [src.id, version]);
  source = { title: src.title, text: src.text, day: src.day, themes: themes.map((t) => t.theme_id) };
}, 300_000);

afterAll(async () => {
  await server?.close();
  remove?.();
  await new Promise((r) => site?.close(r));
});

describe('submitted evidence', () => {
  let accepted: { id: string; themes: string[] };

  it('a lead submits a public link: fetched, stored as submitted and pending, classified', async () => {
    const res = await post('/api/submissions', { url: `${siteUrl}/bai-viet/1`, title: source.title, publishedOn: source.day }, lead);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const s = res.body.submission;
    expect(s).toMatchObject({ unitId: leadUnit, reviewState: 'pending', fetched: true, fetchError: null });
    expect(s.themes.filter((t: string) => source.themes.includes(t)).length).toBeGreaterThan(0);
    accepted = { id: s.id, themes: s.themes };
    const row = (await server.db.one<{ origin: string; submitted_by: string; review_state: string; text: string }>(`SELECT * FROM posts WHERE id = $1`, [Number(s.id)]))!;
    expect(row).toMatchObject({ origin: 'submitted', submitted_by: leadUserId, review_state: 'pending' });
    expect(row.text).toContain(source.text.split('\n')[0]!.slice(0, 60));
    expect(row.text).not.toContain('Bản quyền thuộc về');
  });

  it('is not counted while pending; counted apart (submitted, not own) once staff accept it', async () => {
    const theme = accepted.themes.find((t) => source.themes.includes(t))!;
    const before = await submittedCount(leadUnit, theme);
    expect(before.submitted).toBe(0);
    expect((await post(`/api/submissions/${accepted.id}/accept`, {}, lead)).status).toBe(403);
    const res = await post(`/api/submissions/${accepted.id}/accept`, { note: 'Đúng bài của đơn vị' }, staff);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.submission).toMatchObject({ reviewState: 'accepted', reviewNote: 'Đúng bài của đơn vị' });
    const after = await submittedCount(leadUnit, theme);
    expect(after.submitted).toBe(1);
    expect(after.own).toBe(before.own);
    // Rejecting takes it out again.
    expect((await post(`/api/submissions/${accepted.id}/reject`, {}, staff)).status).toBe(200);
    expect((await submittedCount(leadUnit, theme)).submitted).toBe(0);
    expect((await post(`/api/submissions/${accepted.id}/accept`, {}, staff)).status).toBe(200);
    expect((await submittedCount(leadUnit, theme)).submitted).toBe(1);
  });

  it('a page that is not public needs its text; with it, it is stored unfetched', async () => {
    const without = await post('/api/submissions', { url: `${siteUrl}/kin`, title: 'Bài trên trang nội bộ', publishedOn: source.day }, lead);
    expect(without.status).toBe(400);
    expect(without.body.error.message).toMatch(/nội dung/);
    const withText = await post('/api/submissions', { url: `${siteUrl}/kin`, title: source.title, publishedOn: source.day, text: source.text }, lead);
    expect(withText.status, JSON.stringify(withText.body)).toBe(201);
    expect(withText.body.submission).toMatchObject({ fetched: false, reviewState: 'pending' });
    expect(withText.body.submission.fetchError).toBeTruthy();
    expect(withText.body.submission.themes.length).toBeGreaterThan(0);
  });

  it('refuses another unit, a known link and bad input', async () => {
    const other = (await server.db.one<{ id: string }>(`SELECT id FROM units WHERE id <> $1 AND parent_id IS NULL`, [leadUnit]))!;
    expect((await post('/api/submissions', { url: `${siteUrl}/bai-viet/2`, title: 'Bài khác', publishedOn: source.day, unitId: other.id }, lead)).status).toBe(403);
    expect((await post('/api/submissions', { url: `${siteUrl}/bai-viet/1`, title: source.title, publishedOn: source.day }, lead)).status).toBe(409);
    const bad = await post('/api/submissions', { url: 'ftp://x', title: 'ab', publishedOn: '03/02/2025' }, lead);
    expect(bad.status).toBe(400);
    // Staff must say which unit.
    expect((await post('/api/submissions', { url: `${siteUrl}/bai-viet/3`, title: source.title, publishedOn: source.day }, staff)).status).toBe(400);
  });

  it('lists my submissions for the lead and pending ones in the staff review queue', async () => {
    const mineList = (await getJson(server.url, '/api/submissions?mine=1', { headers: lead })).body.submissions;
    expect(mineList.length).toBe(2);
    expect(mineList.map((s: { reviewState: string }) => s.reviewState).sort()).toEqual(['accepted', 'pending']);
    const queue = (await getJson(server.url, '/api/review', { headers: staff })).body;
    expect(queue.submissions.length).toBe(1);
    expect(queue.submissions[0].unitName).toBeTruthy();
  });
});
