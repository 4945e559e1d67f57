import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from './router';
import { errorResponse, idParam, type ParsedPlan } from '@tdtt/shared';
import type { AppEnv } from '../app-env';
import * as q from '../db/queries';
import { notFound } from '../middleware/errors';

const planSummary = z.object({
  id: z.string(),
  code: z.string().nullable(),
  title: z.string(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  version: z.number(),
  parentId: z.string().nullable(),
  isDefault: z.boolean(),
  unitIds: z.array(z.string()),
  phaseCount: z.number(),
  themeCount: z.number(),
});

const listPlans = createRoute({
  method: 'get',
  path: '/',
  summary: 'Danh sách kế hoạch (phiên bản hiện hành)',
  responses: { 200: { description: 'Kế hoạch', content: { 'application/json': { schema: z.object({ plans: z.array(planSummary) }) } } } },
});

const getPlan = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'Chi tiết kế hoạch: giai đoạn, chủ đề, ngày kỷ niệm',
  request: { params: z.object({ id: idParam }) },
  responses: {
    200: { description: 'Kế hoạch', content: { 'application/json': { schema: z.object({ plan: z.record(z.string(), z.unknown()) }) } } },
    404: { description: 'Không có', content: { 'application/json': { schema: errorResponse } } },
  },
});

export function planRoutes() {
  const app = createRouter();
  app.openapi(listPlans, async (c) => {
    const { scope } = c.var;
    const rows = await q.listPlans(c.var.deps.db);
    const plans = rows.map((p) => ({
      id: p.id,
      code: p.code,
      title: p.title,
      issuer: p.issuer,
      issuedOn: p.issued_on,
      version: p.version,
      parentId: p.parent_id,
      isDefault: p.is_default,
      unitIds: scope.filter(JSON.parse(p.unit_ids) as string[], (u) => u),
      phaseCount: p.phase_count,
      themeCount: p.theme_count,
    }));
    return c.json({ plans }, 200);
  });

  app.openapi(getPlan, async (c) => {
    const db = c.var.deps.db;
    const { id } = c.req.valid('param');
    const plan = await q.getPlan(db, id);
    if (!plan) throw notFound(`kế hoạch "${id}"`);
    const [themes, anniversaries] = await Promise.all([q.planThemes(db, id), q.planAnniversaries(db, id)]);
    const parsed = JSON.parse(plan.parsed_json) as ParsedPlan;
    const phases = new Map<string, { id: string; label: string; startsOn: string | null; endsOn: string | null; themes: unknown[] }>();
    for (const t of themes) {
      const ph = phases.get(t.phase_id) ?? { id: t.phase_id, label: t.phase_label, startsOn: t.starts_on, endsOn: t.ends_on, themes: [] };
      ph.themes.push({ id: t.id, title: t.title, text: t.text, class: t.class, group: t.group_label, keyphrases: JSON.parse(t.keyphrases_json) });
      phases.set(t.phase_id, ph);
    }
    return c.json(
      {
        plan: {
          id: plan.id,
          code: plan.code,
          title: plan.title,
          issuer: plan.issuer,
          issuedOn: plan.issued_on,
          version: plan.version,
          parentId: plan.parent_id,
          implements: parsed.implements,
          phases: [...phases.values()],
          anniversaries: anniversaries.map((a) => ({ id: a.id, event: a.event, date: a.date, precision: a.precision, years: a.years })),
        },
      },
      200,
    );
  });
  return app;
}
