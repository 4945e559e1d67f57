import { createRoute, z } from '@hono/zod-openapi';
import { errorResponse, idParam, parsedPlanSchema, type ParsedPlan } from '@tdtt/shared';
import type { Database } from '../db/connection';
import * as q from '../db/queries';
import type { Scope } from '../middleware/scope';
import { notFound } from '../middleware/errors';
import { planVisible, visiblePlanLineages } from '../views/plan-scope';
import { planWriteRoutes } from './plan-import';
import { createRouter } from './router';

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

const ref = z.object({ id: z.string(), code: z.string().nullable(), title: z.string() });
const notFoundResponse = { description: 'Không có', content: { 'application/json': { schema: errorResponse } } };
const ok = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });

const listPlans = createRoute({
  method: 'get',
  path: '/',
  summary: 'Danh sách kế hoạch (phiên bản hiện hành)',
  responses: { 200: ok('Kế hoạch', z.object({ plans: z.array(planSummary) })) },
});

/** The plan (any version) if the caller may read it; 404 otherwise, as for a plan that does not exist. */
async function visiblePlan(c: { var: { deps: { db: Database }; scope: Scope } }, id: string): Promise<q.PlanRow> {
  const plan = await q.getPlan(c.var.deps.db, id);
  if (!plan || !planVisible(await visiblePlanLineages(c.var.deps.db, c.var.scope), plan)) throw notFound(`kế hoạch "${id}"`);
  return plan;
}

const getPlan = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'Chi tiết kế hoạch: giai đoạn, chủ đề, ngày kỷ niệm, kế hoạch cấp trên/cấp dưới, đơn vị được giao',
  request: { params: z.object({ id: idParam }) },
  responses: { 200: ok('Kế hoạch', z.object({ plan: z.record(z.string(), z.unknown()) })), 404: notFoundResponse },
});

const getSource = createRoute({
  method: 'get',
  path: '/{id}/source',
  summary: 'Văn bản gốc của kế hoạch (để đối chiếu khi rà soát)',
  request: { params: z.object({ id: idParam }) },
  responses: { 200: ok('Văn bản', z.object({ text: z.string() })), 404: notFoundResponse },
});

const getVersions = createRoute({
  method: 'get',
  path: '/{id}/versions',
  summary: 'Các phiên bản của kế hoạch, mới nhất trước',
  request: { params: z.object({ id: idParam }) },
  responses: {
    200: ok(
      'Phiên bản',
      z.object({ versions: z.array(z.object({ id: z.string(), version: z.number(), isCurrent: z.boolean(), code: z.string().nullable(), title: z.string(), createdAt: z.string(), themeCount: z.number() })) }),
    ),
    404: notFoundResponse,
  },
});

export function planRoutes() {
  const app = createRouter();
  app.openapi(listPlans, async (c) => {
    const { scope } = c.var;
    const lineages = await visiblePlanLineages(c.var.deps.db, scope);
    const rows = (await q.listPlans(c.var.deps.db)).filter((p) => planVisible(lineages, p));
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
    const plan = await visiblePlan(c, id);
    const lineages = await visiblePlanLineages(db, c.var.scope);
    const [themes, anniversaries, parent, children, unitIds, current] = await Promise.all([
      q.planThemes(db, id),
      q.planAnniversaries(db, id),
      plan.parent_id ? q.getPlan(db, plan.parent_id) : Promise.resolve(null),
      q.childPlans(db, id),
      q.planUnitIds(db, id),
      q.currentPlanId(db, id),
    ]);
    // Older rows may predate a schema field: parse with defaults, keep the raw form if that fails.
    const raw = JSON.parse(plan.parsed_json) as ParsedPlan;
    const checked = parsedPlanSchema.safeParse(raw);
    const parsed = checked.success ? checked.data : raw;
    const phases = new Map<string, { id: string; label: string; startsOn: string | null; endsOn: string | null; themes: unknown[] }>();
    for (const t of themes) {
      const ph = phases.get(t.phase_id) ?? { id: t.phase_id, label: t.phase_label, startsOn: t.starts_on, endsOn: t.ends_on, themes: [] };
      ph.themes.push({
        id: t.id,
        title: t.title,
        text: t.text,
        class: t.class,
        group: t.group_label,
        keyphrases: JSON.parse(t.keyphrases_json),
        negativePhrases: JSON.parse(t.negative_json),
      });
      phases.set(t.phase_id, ph);
    }
    // Phases without themes still belong on the timeline.
    const ordered = parsed.phases.map((p) => phases.get(`${id}:${p.key}`) ?? { id: `${id}:${p.key}`, label: p.label, startsOn: p.startsOn, endsOn: p.endsOn, themes: [] });
    for (const ph of phases.values()) if (!ordered.includes(ph)) ordered.push(ph);
    const { scope } = c.var;
    return c.json(
      {
        plan: {
          id: plan.id,
          code: plan.code,
          title: plan.title,
          issuer: plan.issuer,
          issuedOn: plan.issued_on,
          version: plan.version,
          isCurrent: current === plan.id,
          currentId: current,
          isDefault: plan.is_default,
          parentId: plan.parent_id,
          parent: parent && planVisible(lineages, parent) ? ref.parse({ id: parent.id, code: parent.code, title: parent.title }) : null,
          children: children.filter((ch) => planVisible(lineages, ch)).map(({ id, code, title }) => ({ id, code, title })),
          unitIds: scope.filter(unitIds, (u) => u),
          implements: parsed.implements,
          phases: ordered,
          anniversaries: anniversaries.map((a) => ({ id: a.id, event: a.event, date: a.date, precision: a.precision, years: a.years })),
          parsed,
        },
      },
      200,
    );
  });

  app.openapi(getSource, async (c) => {
    const { id } = c.req.valid('param');
    await visiblePlan(c, id);
    const text = await q.planSourceText(c.var.deps.db, id);
    if (text === null) throw notFound(`kế hoạch "${id}"`);
    return c.json({ text }, 200);
  });

  app.openapi(getVersions, async (c) => {
    const { id } = c.req.valid('param');
    await visiblePlan(c, id);
    const rows = await q.planVersions(c.var.deps.db, id);
    if (rows.length === 0) throw notFound(`kế hoạch "${id}"`);
    const versions = rows.map((r) => ({ id: r.id, version: r.version, isCurrent: r.is_current, code: r.code, title: r.title, createdAt: r.created_at, themeCount: r.theme_count }));
    return c.json({ versions }, 200);
  });

  app.route('/', planWriteRoutes());
  return app;
}
