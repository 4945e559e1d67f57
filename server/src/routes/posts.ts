import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from './router';
import { errorResponse } from '@tdtt/shared';
import * as q from '../db/queries';
import { forbidden, notFound } from '../middleware/errors';
import { currentModelVersion } from '../runtime/model';
import { decisionRoutes, flagJson } from './decisions';

const getPost = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'Một bài viết với các chủ đề khớp và bằng chứng (đoạn văn bản khớp)',
  request: { params: z.object({ id: z.string().regex(/^\d{1,15}$/, 'mã bài viết phải là số') }) },
  responses: {
    200: { description: 'Bài viết', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } },
    403: { description: 'Ngoài phạm vi', content: { 'application/json': { schema: errorResponse } } },
    404: { description: 'Không có', content: { 'application/json': { schema: errorResponse } } },
  },
});

export function postRoutes() {
  const app = createRouter();
  app.openapi(getPost, async (c) => {
    const db = c.var.deps.db;
    const id = Number(c.req.valid('param').id);
    const post = await q.getPost(db, id);
    if (!post) throw notFound(`bài viết ${id}`);
    if (!c.var.scope.canSee(post.unit_id)) throw forbidden();
    const version = await currentModelVersion(db);
    const [matches, automatic, decisions, flags, themes] = await Promise.all([
      q.postMatches(db, version, id),
      q.automaticMatches(db, version, id),
      q.postDecisions(db, id),
      q.postFlags(db, id),
      c.var.scope.isAll ? q.currentThemeChoices(db, post.unit_id) : Promise.resolve([]),
    ]);
    const auto = new Map(automatic.map((a) => [a.theme_id, a]));
    const latest = new Map<string, q.DecisionRow>();
    for (const d of decisions) if (!latest.has(d.theme_id)) latest.set(d.theme_id, d);
    const decisionJson = (d: q.DecisionRow) => ({ themeId: d.theme_id, themeTitle: d.theme_title, accepted: d.accepted, by: d.user_name, at: d.decided_at });
    return c.json(
      {
        post: {
          id: String(post.id),
          unitId: post.unit_id,
          unitName: post.unit_name,
          title: post.title,
          url: post.url,
          publishedAt: post.published_at,
          text: post.text,
          html: post.html,
          isRepost: post.repost_of !== null,
          repostOf: post.repost_of === null ? null : String(post.repost_of),
          origin: post.origin,
          modelVersion: version,
          matches: matches.map((m) => ({
            themeId: m.theme_id,
            themeTitle: m.theme_title,
            score: m.score,
            evidence: JSON.parse(m.evidence_json),
            // null: added by staff, not by the model
            modelVersion: auto.get(m.theme_id)?.model_version ?? null,
            decision: latest.has(m.theme_id) ? decisionJson(latest.get(m.theme_id)!) : null,
          })),
          // Automatic matches staff rejected: not counted, shown so the decision can be revisited.
          rejected: automatic
            .filter((a) => latest.get(a.theme_id)?.accepted === false)
            .map((a) => ({ themeId: a.theme_id, themeTitle: a.theme_title, score: a.score, modelVersion: a.model_version, decision: decisionJson(latest.get(a.theme_id)!) })),
          decisions: decisions.map(decisionJson),
          flags: flags.map(flagJson),
        },
        themes: themes.map((t) => ({ id: t.id, title: t.title, numbering: t.numbering, plan: { id: t.plan_id, code: t.plan_code, title: t.plan_title } })),
      },
      200,
    );
  });
  app.route('/', decisionRoutes());
  return app;
}
