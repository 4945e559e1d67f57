// Plan writes (administrators only, see auth/roles ACCESS_RULES): import with review, edit, assignment.
import { createRoute, z } from '@hono/zod-openapi';
import { errorResponse, idParam, parsedPlanSchema } from '@tdtt/shared';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from '../app-env';
import { auditRequest } from '../auth';
import { ALL_DAYS, markRollupDirty } from '../runtime/rollup';
import * as q from '../db/queries';
import { ApiError, badRequest, notFound } from '../middleware/errors';
import { DEFAULT_MAX_BYTES, importErrorStatus } from '../plan-import';
import { readPlanDocument, reclassifyAfterPlanChange, storePlan } from '../runtime/plans';
import { createRouter } from './router';
import { planLimitError } from '@tdtt/shared/plan';

/** Read at most this much of a request body: a document at the import limit plus its reviewed structure. */
export const PLAN_BODY_CAP = DEFAULT_MAX_BYTES * 2;
const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

const capBody = bodyLimit({
  maxSize: PLAN_BODY_CAP,
  onError: () => {
    throw new ApiError(413, 'too_large', `Tệp hoặc dữ liệu gửi lên quá lớn: giới hạn là ${MB(DEFAULT_MAX_BYTES)} cho một văn bản.`);
  },
});

const err = (description: string) => ({ description, content: { 'application/json': { schema: errorResponse } } });
const errors = { 400: err('Dữ liệu không hợp lệ'), 403: err('Chỉ quản trị viên'), 404: err('Không có') };
const ok = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const assignedResponse = z.object({ planId: z.string(), unitIds: z.array(z.string()), coveredUnitIds: z.array(z.string()) });

const importBody = z.object({
  text: z.string().max(DEFAULT_MAX_BYTES * 2),
  /** The reviewed structure: stored as is, with `text` as its source. Without it the text is parsed. */
  plan: parsedPlanSchema.optional(),
});

const importPlan = createRoute({
  method: 'post',
  path: '/import',
  summary: 'Nhập kế hoạch: tải tệp (.txt, .docx, .pdf, .doc, .odt; bản scan qua OCR) hoặc dán văn bản; ?preview=true chỉ phân tích để rà soát, không lưu',
  middleware: [capBody] as const,
  request: {
    query: z.object({ preview: z.enum(['true', 'false', '1', '0']).optional() }),
    // Not `required`: each media type is validated only when sent (required would run both validators).
    body: {
      content: {
        'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) },
        'application/json': { schema: importBody },
      },
    },
  },
  responses: {
    200: ok('Bản xem trước', z.object({ plan: parsedPlanSchema, notUnderstood: z.array(z.unknown()), flags: z.array(z.unknown()), text: z.string() })),
    201: ok('Đã lưu (kế hoạch mới hoặc phiên bản mới)', z.object({ planId: z.string(), version: z.number() })),
    ...errors,
    413: err('Tệp quá lớn'),
    415: err('Tệp không đọc được'),
    422: err('Không phải kế hoạch'),
  },
});

const putPlan = createRoute({
  method: 'put',
  path: '/{id}',
  summary: 'Lưu kế hoạch đã rà soát/sửa thành phiên bản mới (giữ đơn vị được giao và lịch sử)',
  middleware: [capBody] as const,
  request: { params: z.object({ id: idParam }), body: { required: true, content: { 'application/json': { schema: parsedPlanSchema } } } },
  responses: { 200: ok('Đã lưu', z.object({ planId: z.string(), version: z.number() })), ...errors },
});

const assign = createRoute({
  method: 'post',
  path: '/{id}/assign',
  summary: 'Giao kế hoạch cho đơn vị (bao gồm các đơn vị trực thuộc)',
  request: { params: z.object({ id: idParam }), body: { required: true, content: { 'application/json': { schema: z.object({ unitIds: z.array(idParam).min(1).max(500) }) } } } },
  responses: { 200: ok('Đã giao', assignedResponse), ...errors },
});

const unassign = createRoute({
  method: 'delete',
  path: '/{id}/assign/{unitId}',
  summary: 'Bỏ giao kế hoạch cho một đơn vị',
  request: { params: z.object({ id: idParam, unitId: idParam }) },
  responses: { 200: ok('Đã bỏ giao', assignedResponse), ...errors },
});

/** Classify again with the new themes, then roll up; in the background (the request answers at once). */
function reclassify(deps: AppDeps): void {
  reclassifyAfterPlanChange(deps.runner).catch(() => undefined); // failures are recorded as job runs
}

async function assigned(deps: AppDeps, planId: string) {
  const [unitIds, covered] = await Promise.all([q.planUnitIds(deps.db, planId), q.accountableUnitIds(deps.db, planId)]);
  return { planId, unitIds, coveredUnitIds: covered.sort() };
}

export function planWriteRoutes() {
  const app = createRouter();

  app.openapi(importPlan, async (c) => {
    const { db } = c.var.deps;
    const preview = ['true', '1'].includes(c.req.valid('query').preview ?? '');
    const type = c.req.header('content-type') ?? '';
    let bytes: Uint8Array;
    let filename = 'van-ban.txt';
    let reviewed = null;
    if (type.startsWith('multipart/form-data')) {
      const file = (await c.req.parseBody())['file'];
      if (!(file instanceof File)) throw badRequest('file: hãy chọn tệp kế hoạch (.txt, .docx, .pdf, .doc hoặc .odt)');
      bytes = new Uint8Array(await file.arrayBuffer());
      filename = file.name || filename;
    } else {
      const body = c.req.valid('json') as z.infer<typeof importBody>;
      bytes = new TextEncoder().encode(body.text);
      if (typeof body.text !== 'string') throw badRequest('text: hãy tải tệp lên (file) hoặc gửi nội dung văn bản (text)');
      reviewed = body.plan ?? null;
    }
    const read = await readPlanDocument(db, bytes, filename);
    if (!read.ok) throw new ApiError(importErrorStatus(read.code), read.code, read.message);
    const plan = reviewed ?? read.plan;
    const tooBig = reviewed ? planLimitError(reviewed) : null;
    if (tooBig) throw badRequest(`plan.phases: ${tooBig}`);
    if (preview) return c.json({ plan, notUnderstood: plan.notUnderstood, flags: plan.flags, text: read.text }, 200);
    const planId = await storePlan(db, plan, read.text);
    const stored = await q.getPlan(db, planId);
    await auditRequest(c, 'plan.import', planId, { code: plan.code, title: plan.title, version: stored?.version, file: filename, reviewed: !!reviewed });
    reclassify(c.var.deps);
    return c.json({ planId, version: stored?.version ?? 1 }, 201);
  });

  app.openapi(putPlan, async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    const existing = await q.getPlan(db, id);
    if (!existing) throw notFound(`kế hoạch "${id}"`);
    const plan = c.req.valid('json');
    const tooBig = planLimitError(plan);
    if (tooBig) throw badRequest(`phases: ${tooBig}`);
    const source = (await q.planSourceText(db, id)) ?? '';
    const planId = await storePlan(db, plan, source, { lineage: existing.lineage });
    const stored = await q.getPlan(db, planId);
    await auditRequest(c, 'plan.update', planId, { from: id, code: plan.code, title: plan.title, version: stored?.version });
    reclassify(c.var.deps);
    return c.json({ planId, version: stored?.version ?? 1 }, 200);
  });

  app.openapi(assign, async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    const planId = await q.currentPlanId(db, id);
    if (!planId) throw notFound(`kế hoạch "${id}"`);
    const unitIds = [...new Set(c.req.valid('json').unitIds)];
    const known = new Set((await q.listUnits(db, unitIds)).map((u) => u.id));
    const unknown = unitIds.filter((u) => !known.has(u));
    if (unknown.length) throw badRequest(`unitIds: không có đơn vị ${unknown.map((u) => `"${u}"`).join(', ')}`);
    await db.transaction((tx) => q.assignPlan(tx, planId, unitIds));
    await auditRequest(c, 'plan.assign', planId, { unitIds });
    await rescoreAfterAssignment(c.var.deps);
    return c.json(await assigned(c.var.deps, planId), 200);
  });

  app.openapi(unassign, async (c) => {
    const { db } = c.var.deps;
    const { id, unitId } = c.req.valid('param');
    const planId = await q.currentPlanId(db, id);
    if (!planId) throw notFound(`kế hoạch "${id}"`);
    const had = await db.transaction((tx) => q.unassignPlan(tx, planId, unitId));
    if (!had) throw notFound(`việc giao kế hoạch cho đơn vị "${unitId}"`);
    await auditRequest(c, 'plan.unassign', planId, { unitId });
    await rescoreAfterAssignment(c.var.deps);
    return c.json(await assigned(c.var.deps, planId), 200);
  });
  return app;
}

/** Who is accountable changed: every score of the plan is stale; roll up in the background. */
async function rescoreAfterAssignment(deps: AppDeps): Promise<void> {
  await markRollupDirty(deps.db, ALL_DAYS);
  void deps.runner.run('rollup').catch(() => undefined); // recorded by the runner
}
