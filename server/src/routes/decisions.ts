import { createRoute, z } from '@hono/zod-openapi';
import { JobAlreadyRunning } from '@tdtt/jobs/schedule';
import { DEFAULT_THRESHOLD } from '@tdtt/shared/classify';
import { errorResponse } from '@tdtt/shared';
import { vietnamDay } from '@tdtt/shared/score';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { auditRequest } from '../auth/audit';
import type { Database } from '../db/connection';
import * as q from '../db/queries';
import { ApiError, badRequest, forbidden, notFound } from '../middleware/errors';
import { currentModelVersion, retrainModel } from '../runtime/model';
import { runRollup } from '../runtime/rollup';
import { createRouter } from './router';

const postId = z.object({ id: z.string().regex(/^\d{1,15}$/, 'mã bài viết phải là số') });
const themeId = z.string().min(1, 'thiếu chủ đề').max(200);
const json = z.record(z.string(), z.unknown());
const ok = (description: string) => ({ description, content: { 'application/json': { schema: json } } });
const err = (description: string) => ({ description, content: { 'application/json': { schema: errorResponse } } });

/** Matches scoring below this are offered to staff for a second look. */
export const LOW_CONFIDENCE_BELOW = DEFAULT_THRESHOLD * 1.25;

export function flagJson(f: q.FlagRow) {
  return {
    id: String(f.id),
    postId: String(f.post_id),
    postTitle: f.post_title,
    unitId: f.unit_id,
    unitName: f.unit_name,
    themeId: f.theme_id,
    themeTitle: f.theme_title,
    note: f.note,
    flaggedBy: f.flagged_by_name,
    flaggedAt: f.flagged_at,
    resolvedAt: f.resolved_at,
    resolution: f.resolution,
  };
}

/** A post the caller may act on, or 404/403. */
async function postInScope(c: Context<AppEnv>, id: number) {
  const post = await q.getPost(c.var.deps.db, id);
  if (!post) throw notFound(`bài viết ${id}`);
  if (!c.var.scope.canSee(post.unit_id)) throw forbidden();
  return post;
}

/** Records a staff decision, answers open flags on it and moves the dashboard for the post's day. */
export async function applyDecision(db: Database, d: { postId: number; publishedAt: string; themeId: string; accepted: boolean; userId: string; now: Date }) {
  await db.transaction(async (tx) => {
    await q.insertDecision(tx, { postId: d.postId, themeId: d.themeId, accepted: d.accepted, userId: d.userId, at: d.now });
    await q.resolveFlags(tx, { postId: d.postId, themeId: d.themeId }, d.userId, d.accepted ? 'confirmed' : 'rejected', d.now);
  });
  return runRollup(db, vietnamDay(new Date(d.publishedAt)), d.now);
}

const decide = createRoute({
  method: 'post',
  path: '/{id}/decisions',
  summary: 'Cán bộ xác nhận (accepted=true, kể cả thêm chủ đề bị sót) hoặc bác bỏ (false) một chủ đề của bài viết',
  request: { params: postId, body: { content: { 'application/json': { schema: z.object({ themeId, accepted: z.boolean() }) } } } },
  responses: { 201: ok('Đã ghi quyết định'), 403: err('Không có quyền'), 404: err('Không có') },
});

const flag = createRoute({
  method: 'post',
  path: '/{id}/flag',
  summary: 'Trưởng đơn vị đề nghị cán bộ xem lại việc phân loại một chủ đề của bài viết (trong đơn vị mình)',
  request: {
    params: postId,
    body: { content: { 'application/json': { schema: z.object({ themeId, note: z.string().max(2000).default('') }) } } },
  },
  responses: { 201: ok('Đã gửi đề nghị'), 403: err('Ngoài phạm vi'), 404: err('Không có') },
});

/** Sub-routes of /api/posts/:id. */
export function decisionRoutes() {
  const app = createRouter();
  app.openapi(decide, async (c) => {
    const { db, now } = c.var.deps;
    const id = Number(c.req.valid('param').id);
    const body = c.req.valid('json');
    const post = await postInScope(c, id);
    const theme = await q.themeExists(db, body.themeId);
    if (!theme) throw badRequest(`themeId: không có chủ đề "${body.themeId}"`);
    // Adding a theme: only one of a plan assigned to the post's unit (or an ancestor) can count for it.
    if (body.accepted && !(await q.themeAppliesToUnit(db, theme.id, post.unit_id))) throw badRequest(`themeId: chủ đề "${theme.id}" không thuộc kế hoạch giao cho đơn vị của bài`);
    const at = now();
    const rollup = await applyDecision(db, { postId: id, publishedAt: post.published_at, themeId: theme.id, accepted: body.accepted, userId: c.var.user!.id, now: at });
    await auditRequest(c, 'decision.create', `post:${id}`, { themeId: theme.id, accepted: body.accepted });
    return c.json({ decision: { postId: String(id), themeId: theme.id, accepted: body.accepted, decidedAt: at.toISOString() }, rollup }, 201);
  });

  app.openapi(flag, async (c) => {
    const { db, now } = c.var.deps;
    const id = Number(c.req.valid('param').id);
    const body = c.req.valid('json');
    const post = await postInScope(c, id);
    const theme = await q.themeExists(db, body.themeId);
    if (!theme) throw badRequest(`themeId: không có chủ đề "${body.themeId}"`);
    // Only a theme the post's unit answers for (no probing other branches' plans through a flag).
    if (!(await q.themeAppliesToUnit(db, theme.id, post.unit_id))) throw badRequest(`themeId: chủ đề "${theme.id}" không thuộc kế hoạch của đơn vị`);
    const flagId = await db.transaction((tx) => q.insertFlag(tx, { postId: id, themeId: theme.id, note: body.note.trim(), userId: c.var.user!.id, at: now() }));
    await auditRequest(c, 'review.flag', `post:${id}`, { themeId: theme.id, flagId });
    return c.json({ flag: flagJson((await q.getFlag(db, flagId))!) }, 201);
  });
  return app;
}

const queue = createRoute({
  method: 'get',
  path: '/',
  summary: 'Hàng chờ xem lại: đề nghị của trưởng đơn vị, chủ đề khớp với điểm thấp, minh chứng gửi lên chờ duyệt',
  responses: { 200: ok('Hàng chờ') },
});

const resolve = createRoute({
  method: 'post',
  path: '/flags/{id}/resolve',
  summary: 'Giải quyết một đề nghị xem lại: xác nhận, bác bỏ chủ đề, hoặc giữ nguyên',
  request: {
    params: z.object({ id: z.string().regex(/^\d{1,15}$/, 'mã đề nghị phải là số') }),
    body: { content: { 'application/json': { schema: z.object({ action: z.enum(['confirm', 'reject', 'dismiss']) }) } } },
  },
  responses: { 200: ok('Đã giải quyết'), 404: err('Không có'), 409: err('Đã giải quyết trước đó') },
});

export function reviewRoutes() {
  const app = createRouter();
  app.openapi(queue, async (c) => {
    const db = c.var.deps.db;
    const version = await currentModelVersion(db);
    const [flags, low, pending] = await Promise.all([
      q.openFlags(db),
      q.lowConfidenceMatches(db, version, LOW_CONFIDENCE_BELOW, 50),
      q.listSubmissions(db, version, { state: 'pending' }),
    ]);
    const scope = c.var.scope;
    return c.json(
      {
        modelVersion: version,
        lowConfidenceBelow: LOW_CONFIDENCE_BELOW,
        flags: scope.filter(flags, (f) => f.unit_id).map(flagJson),
        lowConfidence: scope.filter(low, (m) => m.unit_id).map((m) => ({
          postId: String(m.post_id),
          postTitle: m.post_title,
          unitId: m.unit_id,
          unitName: m.unit_name,
          publishedAt: m.published_at,
          themeId: m.theme_id,
          themeTitle: m.theme_title,
          score: m.score,
        })),
        submissions: scope.filter(pending, (s) => s.unit_id).map((s) => ({ id: String(s.id), title: s.title, url: s.url, unitName: s.unit_name, submittedBy: s.submitted_by_name, submittedAt: s.submitted_at, themeCount: s.theme_count })),
      },
      200,
    );
  });

  app.openapi(resolve, async (c) => {
    const { db, now } = c.var.deps;
    const id = Number(c.req.valid('param').id);
    const { action } = c.req.valid('json');
    const f = await q.getFlag(db, id);
    if (!f || !c.var.scope.canSee(f.unit_id)) throw notFound(`đề nghị ${id}`);
    if (f.resolved_at) throw new ApiError(409, 'conflict', 'Đề nghị này đã được giải quyết');
    const user = c.var.user!;
    if (action === 'dismiss') {
      await db.transaction((tx) => q.resolveFlags(tx, { id }, user.id, 'dismissed', now()));
    } else {
      const post = (await q.getPost(db, f.post_id))!;
      await applyDecision(db, { postId: f.post_id, publishedAt: post.published_at, themeId: f.theme_id, accepted: action === 'confirm', userId: user.id, now: now() });
    }
    await auditRequest(c, 'review.resolve', `flag:${id}`, { action, postId: f.post_id, themeId: f.theme_id });
    return c.json({ flag: flagJson((await q.getFlag(db, id))!) }, 200);
  });
  return app;
}

const retrain = createRoute({
  method: 'post',
  path: '/retrain',
  summary: 'Huấn luyện lại mô hình từ các quyết định của cán bộ, rồi phân loại lại mọi bài viết và tổng hợp lại',
  responses: { 202: ok('Đã bắt đầu phân loại lại'), 409: err('Đang phân loại') },
});

const modelInfo = createRoute({
  method: 'get',
  path: '/',
  summary: 'Phiên bản mô hình đang dùng và lần huấn luyện gần nhất',
  responses: { 200: ok('Mô hình') },
});

export function modelRoutes() {
  const app = createRouter();
  app.openapi(modelInfo, async (c) => {
    const db = c.var.deps.db;
    const [version, latest, count] = await Promise.all([currentModelVersion(db), q.latestModel(db), q.countDecisions(db)]);
    return c.json(
      {
        currentVersion: version,
        decisions: count?.n ?? 0,
        learned: latest ? { version: latest.version, generation: latest.generation, decisions: latest.decisions, trainedAt: latest.trained_at } : null,
      },
      200,
    );
  });

  app.openapi(retrain, async (c) => {
    const { db, runner, now } = c.var.deps;
    if (runner.isRunning('classify')) throw new ApiError(409, 'conflict', 'Đang phân loại lại; hãy chờ lần chạy này xong');
    const model = await retrainModel(db, c.var.user!.id, now());
    let started: Awaited<ReturnType<typeof runner.start>>;
    try {
      started = await runner.start('classify');
    } catch (e) {
      if (e instanceof JobAlreadyRunning) throw new ApiError(409, 'conflict', e.message);
      throw e;
    }
    // The roll-up follows so the dashboard counts the new version's matches; both runs are recorded by the runner.
    started.done.then(() => runner.run('rollup')).catch(() => undefined);
    await auditRequest(c, 'model.retrain', `model:${model.version}`, { ...model, runId: started.runId });
    return c.json({ runId: String(started.runId), model }, 202);
  });
  return app;
}
