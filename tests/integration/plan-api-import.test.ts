// POST /api/plans/import against the real server: the four real plans by upload (.txt and .docx),
// preview vs store, documents that are not plans, the body cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '@tdtt/tests/support';
import type { ParsedPlan } from '@tdtt/shared';
import { EXPECT, havePlans, PLAN_FILES, readPlan } from './plan-expect';
import { adminServer, planCount, sendJson, toDocx, upload } from './plan-api-support';

type Ctx = Awaited<ReturnType<typeof adminServer>>;
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

describe.skipIf(!havePlans)('importing the four real plans by upload', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await adminServer();
  }, 60_000);
  afterAll(() => ctx?.close());

  for (const id of Object.keys(PLAN_FILES) as (keyof typeof PLAN_FILES)[]) {
    it(`plan ${id}: .txt and .docx previews read the same; storing creates one plan with its themes`, async () => {
      const { server, admin } = ctx;
      const text = readPlan(id);
      const before = await planCount(server.url, admin);
      const txt = await upload(server.url, admin, new TextEncoder().encode(text), `${id}.txt`, true);
      expect(txt.status, JSON.stringify(txt.body)).toBe(200);
      EXPECT[id](txt.body.plan as ParsedPlan);
      expect(txt.body.text.toLowerCase()).toContain((txt.body.plan as ParsedPlan).title.slice(0, 20).toLowerCase());
      expect(txt.body.notUnderstood).toEqual([]);
      const docx = await upload(server.url, admin, await toDocx(text), `${id}.docx`, true);
      expect(docx.status, JSON.stringify(docx.body)).toBe(200);
      EXPECT[id](docx.body.plan as ParsedPlan);
      expect(await planCount(server.url, admin)).toBe(before); // previews store nothing

      const stored = await upload(server.url, admin, await toDocx(text), `${id}.docx`);
      expect(stored.status, JSON.stringify(stored.body)).toBe(201);
      expect(stored.body.version).toBe(1);
      expect(await planCount(server.url, admin)).toBe(before + 1);
      const detail = await getJson(server.url, `/api/plans/${stored.body.planId}`, { headers: admin });
      const parsed = docx.body.plan as ParsedPlan;
      const themeCount = parsed.phases.reduce((n, p) => n + p.themes.length, 0);
      expect(detail.body.plan.phases.flatMap((p: { themes: unknown[] }) => p.themes)).toHaveLength(themeCount);
      expect(detail.body.plan.anniversaries).toHaveLength(parsed.anniversaries.length);
      expect(detail.body.plan.parsed.title).toBe(parsed.title);
      const source = await getJson(server.url, `/api/plans/${stored.body.planId}/source`, { headers: admin });
      expect(source.body.text.toLowerCase()).toContain(parsed.title.slice(0, 20).toLowerCase());
    });
  }
});

describe('documents that are not plans, and the body cap', () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await adminServer();
  }, 60_000);
  afterAll(() => ctx?.close());

  const news = `Khai mạc Hội chợ thương mại năm 2024\n\nSáng 12/10, UBND tỉnh tổ chức khai mạc Hội chợ thương mại với hơn 300 gian hàng.\nHội chợ kéo dài đến hết ngày 18/10.`;
  const junk = () => {
    const out = new Uint8Array(4096);
    let x = 11;
    for (let i = 0; i < out.length; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    return out;
  };
  const cases: Array<[string, () => Uint8Array, string, number]> = [
    ['a news article', () => new TextEncoder().encode(news), 'tin.txt', 422],
    ['an empty file', () => new Uint8Array(0), 'rong.txt', 400],
    ['binary junk', junk, 'rac.txt', 415],
    ['junk named .docx', junk, 'rac.docx', 415],
    ['junk named .pdf', junk, 'rac.pdf', 415],
  ];
  it.each(cases)('%s: a 4xx with a Vietnamese message, nothing stored', async (_name, bytes, filename, status) => {
    const { server, admin } = ctx;
    for (const preview of [true, false]) {
      const r = await upload(server.url, admin, bytes(), filename, preview);
      expect(r.status).toBe(status);
      expect(r.body.error.message).toMatch(VIETNAMESE);
    }
    expect(await planCount(server.url, admin)).toBe(0);
  });

  it('pasted text that is not a plan → 422; an empty paste → 400', async () => {
    const { server, admin } = ctx;
    expect((await sendJson(server.url, admin, 'POST', '/api/plans/import', { text: news })).status).toBe(422);
    expect((await sendJson(server.url, admin, 'POST', '/api/plans/import', { text: '  ' })).status).toBe(400);
    expect((await sendJson(server.url, admin, 'POST', '/api/plans/import', { nope: 1 })).status).toBe(400);
    expect(await planCount(server.url, admin)).toBe(0);
  });

  it('a 20 MB upload is refused with 413 before it is read', async () => {
    const { server, admin } = ctx;
    const r = await upload(server.url, admin, new Uint8Array(20 * 1024 * 1024).fill(0x41), 'lon.txt');
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('too_large');
    expect(r.body.error.message).toMatch(VIETNAMESE);
    expect(await planCount(server.url, admin)).toBe(0);
  });
});
