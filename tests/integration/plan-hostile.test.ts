// Issue 14: documents that could stop the server. Each one is made here, uploaded to a real server;
// it must answer a clear 4xx (Vietnamese message naming the limit) within 30 s while /api/health,
// polled all along, answers every time within 1 s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '@tdtt/tests/support';
import type { ParsedPlan } from '@tdtt/shared';
import { adminServer, sendJson, upload } from './plan-api-support';
import { manyParagraphsDocx, manyThemesPlan, numberingOnly, streamBombPdf, zipBombDocx } from './plan-hostile/documents';

type Ctx = Awaited<ReturnType<typeof adminServer>>;
let ctx: Ctx;

/** Runs `call` while polling /api/health one request after another; the slowest health answer. */
async function withHealth<T>(call: () => Promise<T>): Promise<{ result: T; slowestHealthMs: number; healthCalls: number; ms: number }> {
  let done = false;
  let slowest = 0;
  let calls = 0;
  const poll = (async () => {
    while (!done) {
      const t = performance.now();
      const r = await fetch(`${ctx.server.url}/api/health`);
      await r.arrayBuffer();
      expect(r.status).toBe(200);
      slowest = Math.max(slowest, performance.now() - t);
      calls++;
      await new Promise((res) => setTimeout(res, 100));
    }
  })();
  const t0 = performance.now();
  try {
    const result = await call();
    return { result, slowestHealthMs: slowest, healthCalls: calls, ms: performance.now() - t0 };
  } finally {
    done = true;
    await poll;
  }
}

beforeAll(async () => {
  ctx = await adminServer();
}, 60_000);
afterAll(() => ctx?.close());

describe('hostile plan documents: a clear 4xx within 30 s, the server answering throughout', () => {
  const cases: Array<[string, () => Promise<{ bytes: Uint8Array; name: string }>, number, RegExp]> = [
    ['a 1 MB PDF whose one stream inflates to 400 MB of text operators', async () => ({ bytes: await streamBombPdf(), name: 'bom.pdf' }), 413, /giải nén vượt giới hạn 64 MB/],
    ['a .docx with 3 million paragraphs', async () => ({ bytes: manyParagraphsDocx(), name: 'doan.docx' }), 413, /3\.000\.001 đoạn văn: giới hạn là 20\.000/],
    ['a zip-bomb .docx (1 GB inflated)', async () => ({ bytes: await zipBombDocx(), name: 'bom.docx' }), 413, /giải nén vượt giới hạn 64 MB/],
    ['a plan of 5,000 themes', async () => ({ bytes: new TextEncoder().encode(manyThemesPlan()), name: 'chu-de.txt' }), 413, /5\.000 chủ đề: giới hạn là 500/],
    ['4.9 MB of numbering-only text', async () => ({ bytes: new TextEncoder().encode(numberingOnly(4.9 * 1024 * 1024, 40)), name: 'so.txt' }), 413, /giới hạn là 1\.000\.000 ký tự/],
    // Under every size limit: the parser itself must stay fast on it (it used to be quadratic).
    ['900 KB of numbering-only text in long wrapped lines', async () => ({ bytes: new TextEncoder().encode(numberingOnly(900 * 1024, 400)), name: 'so-dai.txt' }), 422, /không phải là một kế hoạch/],
  ];
  it.each(cases)('%s', async (_name, make, status, message) => {
    const { bytes, name } = await make();
    expect(bytes.byteLength).toBeLessThan(5 * 1024 * 1024); // under the upload limit: the parse has to refuse it
    const r = await withHealth(() => upload(ctx.server.url, ctx.admin, bytes, name, true));
    expect(r.result.status, JSON.stringify(r.result.body)).toBe(status);
    expect(r.result.body.error.message).toMatch(message);
    expect(r.ms).toBeLessThan(30_000);
    expect(r.healthCalls).toBeGreaterThan(0);
    expect(r.slowestHealthMs).toBeLessThan(1000);
  });

  it('a reviewed plan of 5,000 themes is refused when saved (import and edit), naming the limit', async () => {
    const { server, admin } = ctx;
    const small = await upload(server.url, admin, new TextEncoder().encode(manyThemesPlan(3)), 'ba.txt');
    expect(small.status, JSON.stringify(small.body)).toBe(201);
    const detail = await getJson(server.url, `/api/plans/${small.body.planId}`, { headers: admin });
    const plan = detail.body.plan.parsed as ParsedPlan;
    const theme = plan.phases[0]!.themes[0]!;
    const big: ParsedPlan = { ...plan, phases: [{ ...plan.phases[0]!, themes: Array.from({ length: 5000 }, (_, i) => ({ ...theme, key: `p1-t${i + 1}`, order: i + 1 })) }] };
    const put = await withHealth(() => sendJson(server.url, admin, 'PUT', `/api/plans/${small.body.planId}`, big));
    expect(put.result.status).toBe(400);
    expect(put.result.body.error.message).toMatch(/^phases: Kế hoạch có 5\.000 chủ đề: giới hạn là 500/);
    const imp = await sendJson(server.url, admin, 'POST', '/api/plans/import', { text: manyThemesPlan(3), plan: big });
    expect(imp.status).toBe(400);
    expect(imp.body.error.message).toMatch(/^plan\.phases: .*giới hạn là 500/);
    expect(put.slowestHealthMs).toBeLessThan(1000);
  });

  it('still imports an ordinary plan afterwards', async () => {
    const r = await upload(ctx.server.url, ctx.admin, new TextEncoder().encode(manyThemesPlan(12)), 'kh.txt', true);
    expect(r.status).toBe(200);
    expect((r.body.plan as ParsedPlan).phases.flatMap((p) => p.themes)).toHaveLength(12);
  });
});
