import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from './router';
import { errorResponse, idParam, monthParam, unitDetailResponse, unitListResponse } from '@tdtt/shared';
import { isCovered, monthPeriod } from '@tdtt/shared/score';
import * as q from '../db/queries';
import { forbidden, notFound } from '../middleware/errors';
import { activeThemes, resolveMonth, resolvePlan, scopeRoots } from '../views/coverage';
import { monthFigures } from '../views/figures';
import { currentModelVersion } from '../runtime/model';

const listUnits = createRoute({
  method: 'get',
  path: '/',
  summary: 'Đơn vị (trong phạm vi của người dùng), theo thứ tự cây',
  responses: { 200: { description: 'Đơn vị', content: { 'application/json': { schema: unitListResponse } } } },
});

const getUnit = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'Một đơn vị: điểm theo tháng, chủ đề đã/chưa có bài, bài được tính, nguồn, đơn vị trực thuộc',
  request: { params: z.object({ id: idParam }), query: z.object({ plan: idParam.optional(), month: monthParam.optional() }) },
  responses: {
    200: { description: 'Đơn vị', content: { 'application/json': { schema: unitDetailResponse } } },
    403: { description: 'Ngoài phạm vi', content: { 'application/json': { schema: errorResponse } } },
    404: { description: 'Không có', content: { 'application/json': { schema: errorResponse } } },
  },
});

export function unitRoutes() {
  const app = createRouter();
  app.openapi(listUnits, async (c) => {
    const rows = await q.listUnits(c.var.deps.db, c.var.scope.isAll ? undefined : [...c.var.scope.unitIds!]);
    const minDepth = Math.min(...rows.map((u) => u.depth));
    return c.json({ units: rows.map((u) => ({ id: u.id, name: u.name, kind: u.kind, parentId: u.parent_id, depth: u.depth - minDepth })) }, 200);
  });

  app.openapi(getUnit, async (c) => {
    const { db, now } = c.var.deps;
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    if (!c.var.scope.canSee(id)) throw forbidden();
    // Independent lookups at once: each is a round trip to DuckDB.
    const [unit, plan, modelVersion] = await Promise.all([q.getUnit(db, id), resolvePlan(db, query.plan, c.var.scope), currentModelVersion(db)]);
    if (!unit) throw notFound(`đơn vị "${id}"`);
    const [month, allThemes] = await Promise.all([
      query.month ?? resolveMonth(db, plan.id, undefined, now()).then((r) => r.month),
      q.planThemes(db, plan.id),
    ]);
    const themes = activeThemes(allThemes, month);
    const period = monthPeriod(month);
    const [series, counts, posts, sources, children, figures] = await Promise.all([
      q.unitScoreSeries(db, plan.id, id),
      q.monthlyCounts(db, themes.map((t) => t.id), month, month, id),
      q.countedPosts(db, modelVersion, id, themes.map((t) => t.id), period.from, period.to),
      q.sourcesOfUnits(db, [id]),
      // A sub-unit's score is its subtree's (README: a parent's view aggregates its sub-units).
      q.childrenWithScores(db, plan.id, id, month),
      monthFigures(db, plan.id, month, scopeRoots(c.var.scope)),
    ]);
    const mine = new Map(counts.filter((r) => r.unit_id === id).map((r) => [r.theme_id, r]));
    const titleOf = new Map(themes.map((t) => [t.id, t.title]));
    const current = series.find((s) => s.month === month);
    return c.json(
      {
        unit: { id: unit.id, name: unit.name, kind: unit.kind, parentId: unit.parent_id },
        plan: { id: plan.id, code: plan.code, title: plan.title },
        month,
        score: current?.score ?? 0,
        /** Own and subtree score, covered counts and ranks, as every page shows them. */
        figures: figures(id),
        scoreSeries: series.map((s) => ({ month: s.month, score: s.score, postCount: s.post_count })),
        themes: themes.map((t) => {
          const r = mine.get(t.id);
          const own = r?.own ?? 0;
          const repost = r?.repost ?? 0;
          return { id: t.id, title: t.title, phaseLabel: t.phase_label, covered: isCovered({ own, repost }, t.min_matches), own, repost };
        }),
        posts: posts.map((p) => ({
          id: String(p.id),
          title: p.title,
          url: p.url,
          publishedAt: p.published_at,
          isRepost: p.repost_of !== null,
          themes: p.theme_ids.map((tid) => ({ id: tid, title: titleOf.get(tid) ?? tid })),
        })),
        sources: sources.map((s) => ({
          id: String(s.id),
          kind: s.kind,
          url: s.url,
          state: s.paused ? ('paused' as const) : s.last_error ? ('failing' as const) : s.last_success_at ? ('ok' as const) : ('new' as const),
          lastSuccessAt: s.last_success_at,
          lastError: s.last_error,
          failureScore: s.failure_score,
          nextPollAt: s.next_poll_at,
        })),
        children: c.var.scope.filter(children, (ch) => ch.id).map((ch) => ({ id: ch.id, name: ch.name, score: ch.score ?? 0, figures: figures(ch.id) })),
      },
      200,
    );
  });
  return app;
}
