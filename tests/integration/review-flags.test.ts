import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Server } from '@tdtt/server/main';
import { getJson, seededDemoServer, signInDemo } from '../support';

// A unit lead flags a classification for review, only inside their subtree; staff see the flags and
// the low-confidence matches in the review queue and resolve them.

let server: Server;
let remove: () => void;
let staff: Record<string, string>;
let lead: Record<string, string>;
let mine: { id: number; theme_id: string };
let foreign: { id: number; theme_id: string };

const post = (path: string, body: unknown, headers: Record<string, string>) =>
  getJson(server.url, path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  ({ server, remove } = await seededDemoServer(inject('runDir')));
  staff = await signInDemo(server, 'staff');
  lead = await signInDemo(server, 'lead');
  const units = (await getJson(server.url, '/api/units', { headers: lead })).body.units.map((u: { id: string }) => u.id) as string[];
  const version = (await server.db.one<{ value: string }>(`SELECT value FROM settings WHERE key = 'model_version'`))!.value;
  const pick = (inside: boolean) =>
    server.db.one<{ id: number; theme_id: string }>(
      `SELECT a.post_id AS id, a.theme_id FROM post_themes a JOIN posts p ON p.id = a.post_id
       WHERE a.model_version = $1 AND (p.unit_id IN (SELECT unnest(from_json($2, '["VARCHAR"]')))) = $3
         AND a.theme_id IN (SELECT id FROM themes WHERE plan_id = $4) ORDER BY a.post_id LIMIT 1`,
      [version, JSON.stringify(units), inside, server.demo!.planIds.parent],
    );
  mine = (await pick(true))!;
  foreign = (await pick(false))!;
}, 300_000);

afterAll(async () => {
  await server?.close();
  remove?.();
});

describe('review flags', () => {
  let flagId: string;

  it('a lead flags a match of a post in their subtree, and nowhere else', async () => {
    const res = await post(`/api/posts/${mine.id}/flag`, { themeId: mine.theme_id, note: 'Bài này không nói về chủ đề này' }, lead);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    flagId = res.body.flag.id;
    expect(res.body.flag).toMatchObject({ postId: String(mine.id), themeId: mine.theme_id, resolvedAt: null });
    expect((await post(`/api/posts/${foreign.id}/flag`, { themeId: foreign.theme_id, note: 'x' }, lead)).status).toBe(403);
    expect((await post(`/api/posts/${mine.id}/flag`, { themeId: 'khong-co', note: 'x' }, lead)).status).toBe(400);
    // The flag shows on the post for the lead.
    const view = (await getJson(server.url, `/api/posts/${mine.id}`, { headers: lead })).body;
    expect(view.post.flags.map((f: { id: string }) => f.id)).toContain(flagId);
    expect(view.themes).toEqual([]);
    const audit = await server.db.all(`SELECT 1 FROM audit_log WHERE action = 'review.flag' AND target = $1`, [`post:${mine.id}`]);
    expect(audit.length).toBe(1);
  });

  it('the review queue is for staff: open flags and undecided low-confidence matches', async () => {
    expect((await getJson(server.url, '/api/review', { headers: lead })).status).toBe(403);
    const { status, body } = await getJson(server.url, '/api/review', { headers: staff });
    expect(status).toBe(200);
    expect(body.flags.map((f: { id: string }) => f.id)).toContain(flagId);
    expect(body.lowConfidence.length).toBeGreaterThan(0);
    for (const m of body.lowConfidence) expect(m.score).toBeLessThan(body.lowConfidenceBelow);
  });

  it('staff resolve a flag by rejecting the theme: a decision is recorded and the flag closes', async () => {
    const res = await post(`/api/review/flags/${flagId}/resolve`, { action: 'reject' }, staff);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.flag.resolution).toBe('rejected');
    const view = (await getJson(server.url, `/api/posts/${mine.id}`, { headers: staff })).body;
    expect(view.post.decisions[0]).toMatchObject({ themeId: mine.theme_id, accepted: false });
    expect(view.post.matches.map((m: { themeId: string }) => m.themeId)).not.toContain(mine.theme_id);
    expect((await post(`/api/review/flags/${flagId}/resolve`, { action: 'dismiss' }, staff)).status).toBe(409);
    const queue = (await getJson(server.url, '/api/review', { headers: staff })).body;
    expect(queue.flags.map((f: { id: string }) => f.id)).not.toContain(flagId);
    // A decided match leaves the low-confidence list.
    expect(queue.lowConfidence.some((m: { postId: string; themeId: string }) => m.postId === String(mine.id) && m.themeId === mine.theme_id)).toBe(false);
  });

  it('a staff decision on a flagged theme answers the flag', async () => {
    const f = await post(`/api/posts/${mine.id}/flag`, { themeId: mine.theme_id, note: 'Xem lại lần nữa' }, lead);
    expect(f.status).toBe(201);
    expect((await post(`/api/posts/${mine.id}/decisions`, { themeId: mine.theme_id, accepted: true }, staff)).status).toBe(201);
    const view = (await getJson(server.url, `/api/posts/${mine.id}`, { headers: lead })).body;
    expect(view.post.flags.find((x: { id: string }) => x.id === f.body.flag.id)).toMatchObject({ resolution: 'confirmed' });
    expect(view.post.matches.map((m: { themeId: string }) => m.themeId)).toContain(mine.theme_id);
  });
});
