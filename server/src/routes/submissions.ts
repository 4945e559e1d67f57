import { createRoute, z } from '@hono/zod-openapi';
import { canonicalizeUrl, contentHash, FetchError, ParseError, RobotsCache, ROBOTS_TOKEN, simhash } from '@tdtt/jobs/collect';
import { inspectUrl } from '@tdtt/jobs/pipeline';
import { dayParam, errorResponse } from '@tdtt/shared';
import { vietnamDay } from '@tdtt/shared/score';
import { auditRequest } from '../auth/audit';
import type { Config } from '../config';
import * as q from '../db/queries';
import { ApiError, badRequest, forbidden, notFound } from '../middleware/errors';
import { currentModelVersion, loadClassifier } from '../runtime/model';
import { runRollup } from '../runtime/rollup';
import { createRouter } from './router';

const json = z.record(z.string(), z.unknown());
const ok = (description: string) => ({ description, content: { 'application/json': { schema: json } } });
const err = (description: string) => ({ description, content: { 'application/json': { schema: errorResponse } } });
const idParam = z.object({ id: z.string().regex(/^\d{1,15}$/, 'mã minh chứng phải là số') });

const submitBody = z.object({
  url: z.string().trim().url('url: đường dẫn không hợp lệ').max(2000).refine((u) => /^https?:\/\//i.test(u), 'url: chỉ nhận http hoặc https'),
  title: z.string().trim().min(3, 'title: thiếu tiêu đề').max(500),
  publishedOn: dayParam,
  text: z.string().max(200_000).optional(),
  unitId: z.string().min(1).max(100).optional(),
});

/** Fetches a submitted page with the collector's code path (SSRF guard, allowlist, caps); null with a reason when it cannot. */
async function fetchSubmitted(url: string, config: Config, now: Date): Promise<{ text: string; title: string | null } | { error: string }> {
  try {
    const r = await inspectUrl(url, { fetch: { allowPrivate: config.allowPrivateHosts, robots: new RobotsCache(ROBOTS_TOKEN), retries: 0, timeoutMs: 15_000 }, now });
    const item = r.kind === 'page' ? r.items[0] : undefined;
    if (!item?.text || item.text.trim().length < 50) return { error: 'Trang không có nội dung bài viết đọc được' };
    return { text: item.text, title: item.title };
  } catch (e) {
    if (e instanceof FetchError || e instanceof ParseError) return { error: `${e.kind}: ${e.message}` };
    throw e;
  }
}

function submissionJson(s: q.SubmissionRow) {
  return {
    id: String(s.id),
    unitId: s.unit_id,
    unitName: s.unit_name,
    url: s.url,
    title: s.title,
    publishedAt: s.published_at,
    reviewState: s.review_state,
    submittedBy: s.submitted_by_name,
    submittedAt: s.submitted_at,
    fetched: s.fetched,
    fetchError: s.fetch_error,
    reviewedBy: s.reviewed_by_name,
    reviewedAt: s.reviewed_at,
    reviewNote: s.review_note,
    themeCount: s.theme_count,
  };
}

const submit = createRoute({
  method: 'post',
  path: '/',
  summary: 'Gửi minh chứng: đường dẫn, tiêu đề, ngày đăng (và nội dung nếu trang không công khai); hệ thống tải trang nếu được, lưu và phân loại',
  request: { body: { content: { 'application/json': { schema: submitBody } } } },
  responses: { 201: ok('Đã nhận'), 400: err('Thiếu thông tin'), 403: err('Ngoài phạm vi'), 409: err('Đã có bài viết này') },
});

const list = createRoute({
  method: 'get',
  path: '/',
  summary: 'Minh chứng đã gửi trong phạm vi người dùng (mine=1: của chính mình; state: pending|accepted|rejected)',
  request: { query: z.object({ mine: z.enum(['0', '1']).optional(), state: z.enum(['pending', 'accepted', 'rejected']).optional() }) },
  responses: { 200: ok('Danh sách') },
});

const review = (action: 'accept' | 'reject') =>
  createRoute({
    method: 'post',
    path: `/{id}/${action}`,
    summary: action === 'accept' ? 'Cán bộ chấp nhận minh chứng (được tính riêng vào điểm)' : 'Cán bộ không chấp nhận minh chứng',
    request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ note: z.string().max(2000).optional() }) } }, required: false } },
    responses: { 200: ok('Đã duyệt'), 404: err('Không có') },
  });

export function submissionRoutes() {
  const app = createRouter();
  app.openapi(submit, async (c) => {
    const { db, config, now } = c.var.deps;
    const body = c.req.valid('json');
    const user = c.var.user!;
    const unitId = body.unitId ?? user.unitId;
    if (!unitId) throw badRequest('unitId: chọn đơn vị của bài viết');
    if (!c.var.scope.canSee(unitId)) throw forbidden();
    const canonicalUrl = canonicalizeUrl(body.url) ?? body.url;
    const existing = await q.postIdByCanonicalUrl(db, canonicalUrl);
    if (existing) throw new ApiError(409, 'conflict', `Bài viết này đã có trong hệ thống (mã ${existing.id})`);
    const at = now();
    const fetched = await fetchSubmitted(body.url, config, at);
    const text = 'text' in fetched ? fetched.text : (body.text ?? '').trim();
    if (!text) throw badRequest(`text: không tải được trang (${'error' in fetched ? fetched.error : ''}); hãy dán nội dung bài viết`);
    // Noon in Vietnam: the submitter gives a day, and the day must not shift across time zones.
    const publishedAt = `${body.publishedOn}T12:00:00+07:00`;
    if (Number.isNaN(Date.parse(publishedAt))) throw badRequest('publishedOn: ngày không hợp lệ');
    const id = await db.transaction((tx) =>
      q.insertSubmission(tx, {
        unitId,
        url: body.url,
        canonicalUrl,
        title: body.title,
        text,
        html: null,
        publishedAt,
        submittedBy: user.id,
        at,
        fetched: 'text' in fetched,
        fetchError: 'error' in fetched ? fetched.error : null,
        contentHash: contentHash(text),
        simhash: simhash(text),
      }),
    );
    // Classified at once, like any post, by the classifier of the moment.
    const classifier = await loadClassifier(db);
    const matches = classifier.classify({ title: body.title, text, published: publishedAt });
    await db.transaction((tx) => q.saveMatches(tx, classifier.version, [{ postId: id, matches }]));
    await auditRequest(c, 'submission.create', `post:${id}`, { url: body.url, unitId, fetched: 'text' in fetched });
    const row = (await q.getSubmission(db, classifier.version, id))!;
    return c.json({ submission: { ...submissionJson(row), themes: matches.map((m) => m.themeId) } }, 201);
  });

  app.openapi(list, async (c) => {
    const db = c.var.deps.db;
    const { mine, state } = c.req.valid('query');
    const rows = await q.listSubmissions(db, await currentModelVersion(db), { submittedBy: mine === '1' ? c.var.user!.id : undefined, state });
    return c.json({ submissions: c.var.scope.filter(rows, (r) => r.unit_id).map(submissionJson) }, 200);
  });

  for (const action of ['accept', 'reject'] as const) {
    app.openapi(review(action), async (c) => {
      const { db, now } = c.var.deps;
      const id = Number(c.req.valid('param').id);
      const note = (c.req.valid('json') as { note?: string } | undefined)?.note?.trim() || null;
      const version = await currentModelVersion(db);
      const s = await q.getSubmission(db, version, id);
      if (!s || !c.var.scope.canSee(s.unit_id)) throw notFound(`minh chứng ${id}`);
      const at = now();
      await db.transaction((tx) => q.reviewSubmission(tx, id, action === 'accept' ? 'accepted' : 'rejected', c.var.user!.id, note, at));
      await runRollup(db, vietnamDay(new Date(s.published_at)), at);
      await auditRequest(c, `submission.${action}`, `post:${id}`, { note });
      return c.json({ submission: submissionJson((await q.getSubmission(db, version, id))!) }, 200);
    });
  }
  return app;
}
