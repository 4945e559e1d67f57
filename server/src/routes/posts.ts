import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from './router';
import { errorResponse } from '@tdtt/shared';
import type { AppEnv } from '../app-env';
import * as q from '../db/queries';
import { forbidden, notFound } from '../middleware/errors';
import { currentModelVersion } from '../runtime/model';

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
    const matches = await q.postMatches(db, await currentModelVersion(db), id);
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
          matches: matches.map((m) => ({ themeId: m.theme_id, themeTitle: m.theme_title, score: m.score, evidence: JSON.parse(m.evidence_json) })),
        },
      },
      200,
    );
  });
  return app;
}
