import { createRoute, z } from '@hono/zod-openapi';
import { FetchError, ParseError, isKnownCharset, selectorError, type FetchOptions } from '@tdtt/jobs/collect';
import type { ListingSelectors, SourceOverrides } from '@tdtt/jobs/ports';
import { discoverSources, inspectUrl } from '@tdtt/jobs/pipeline';
import { errorResponse, idParam } from '@tdtt/shared';
import type { Context } from 'hono';
import { createRouter } from './router';
import type { AppEnv } from '../app-env';
import { auditRequest } from '../auth/audit';
import * as q from '../db/queries';
import { ApiError, forbidden, notFound } from '../middleware/errors';

const anyJson = { 'application/json': { schema: z.record(z.string(), z.unknown()) } };
const errJson = { 'application/json': { schema: errorResponse } };
const httpUrl = z.string().max(2000).url('địa chỉ URL không hợp lệ').refine((u) => /^https?:\/\//i.test(u), 'chỉ nhận địa chỉ http(s)');
const sourceId = z.object({ id: z.string().regex(/^\d{1,9}$/, 'mã nguồn không hợp lệ') });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

/** A CSS selector, checked with the collector's own engine: an invalid one is refused when saved, not "working" with 0 items. */
const cssSelector = z.string().max(300).superRefine((v, ctx) => {
  const e = selectorError(v);
  if (e) ctx.addIssue({ code: 'custom', message: e });
});
const listingSelectors = z.object({ item: cssSelector, next: cssSelector.nullable().optional() });
/** Per-source overrides (docs/collect-listing.md); null or absent fields are automatic. */
const sourceOverrides = z.object({
  encoding: z.string().max(40).refine((v) => v === '' || isKnownCharset(v), 'bảng mã không được hỗ trợ (ví dụ: utf-8, windows-1258)').nullable().optional(),
  dateOrder: z.enum(['dmy', 'mdy']).nullable().optional(),
  contentSelector: z.union([z.literal(''), cssSelector]).nullable().optional(),
  pollMinutes: z.number().int('số phút là số nguyên').min(5, 'ít nhất 5 phút').max(7 * 24 * 60, 'nhiều nhất 7 ngày').nullable().optional(),
}).strict();
const sourceSettings = z.object({ listing: listingSelectors.nullable().optional(), overrides: sourceOverrides.nullable().optional() });

const listRoute = createRoute({
  method: 'get', path: '/', summary: 'Nguồn thu thập theo đơn vị (trong phạm vi), với tình trạng',
  request: { query: z.object({ unit: idParam.optional() }) },
  responses: { 200: { description: 'Nguồn', content: anyJson }, 403: { description: 'Ngoài phạm vi', content: errJson } },
});
const discoverRoute = createRoute({
  method: 'post', path: '/discover', summary: 'Từ trang chủ của đơn vị: đề xuất RSS/Atom và sitemap tìm được',
  request: body(z.object({ url: httpUrl })),
  responses: { 200: { description: 'Đề xuất', content: anyJson }, 422: { description: 'Không đọc được trang', content: errJson } },
});
const createSourceRoute = createRoute({
  method: 'post', path: '/', summary: 'Thêm một nguồn cho đơn vị',
  request: body(z.object({
    unitId: idParam, kind: z.enum(['feed', 'sitemap', 'listing', 'page']), url: httpUrl,
    listing: listingSelectors.nullable().optional(),
    overrides: sourceOverrides.nullable().optional(),
  })),
  responses: { 201: { description: 'Đã thêm', content: anyJson }, 400: { description: 'Sai dữ liệu', content: errJson }, 409: { description: 'Đã có', content: errJson } },
});
const testRoute = createRoute({
  method: 'post', path: '/{id}/test',
  summary: 'Tải thử nguồn một lần (không lưu): các mục tìm thấy hoặc lỗi bằng lời; với thân yêu cầu, thử các thiết lập chưa lưu',
  // Optional JSON body { listing?, overrides? } (the settings form's draft), read in the handler: an empty body is allowed.
  request: { params: sourceId },
  responses: { 200: { description: 'Kết quả', content: anyJson }, 400: { description: 'Sai dữ liệu', content: errJson }, 404: { description: 'Không có', content: errJson } },
});
const settingsRoute = createRoute({
  method: 'put', path: '/{id}/settings', summary: 'Lưu bộ chọn danh sách và thiết lập riêng của nguồn (bảng mã, kiểu ngày, vùng nội dung, chu kỳ)',
  request: { params: sourceId, ...body(sourceSettings) },
  responses: { 200: { description: 'Nguồn', content: anyJson }, 400: { description: 'Sai dữ liệu', content: errJson }, 404: { description: 'Không có', content: errJson } },
});
const pauseRoute = (action: 'pause' | 'resume') => createRoute({
  method: 'post', path: `/{id}/${action}`, summary: action === 'pause' ? 'Tạm dừng thu thập nguồn' : 'Tiếp tục thu thập nguồn (kiểm tra ngay)',
  request: { params: sourceId }, responses: { 200: { description: 'Nguồn', content: anyJson }, 404: { description: 'Không có', content: errJson } },
});
const eventsRoute = createRoute({
  method: 'get', path: '/{id}/events', summary: 'Nhật ký các lần tải của nguồn (mới nhất trước)',
  request: { params: sourceId }, responses: { 200: { description: 'Nhật ký', content: anyJson }, 404: { description: 'Không có', content: errJson } },
});

export function toSourceJson(s: q.SourceAdminRow) {
  return {
    id: String(s.id), unitId: s.unit_id, kind: s.kind, url: s.url, paused: s.paused,
    state: s.paused ? 'paused' : s.last_error ? 'failing' : s.last_success_at ? 'ok' : 'new',
    lastSuccessAt: s.last_success_at, lastError: s.last_error, lastErrorKind: s.last_error_kind,
    failureScore: s.failure_score, nextPollAt: s.next_poll_at, createdAt: s.created_at,
    listing: s.listing_json ? (JSON.parse(s.listing_json) as ListingSelectors) : null,
    overrides: s.overrides_json ? (JSON.parse(s.overrides_json) as SourceOverrides) : null,
  };
}

function fetchOptions(c: Context<AppEnv>): FetchOptions {
  return { allowPrivate: c.var.deps.config.allowPrivateHosts, retries: 0, timeoutMs: 20_000 };
}

/** The source, when the caller's scope covers its unit. */
async function visibleSource(c: Context<AppEnv>, id: string): Promise<q.SourceAdminRow> {
  const s = await q.getSource(c.var.deps.db, Number(id));
  if (!s) throw notFound(`nguồn ${id}`);
  if (!c.var.scope.canSee(s.unit_id)) throw forbidden();
  return s;
}

function readFailure(e: unknown): { kind: string; message: string } {
  if (e instanceof FetchError || e instanceof ParseError) return { kind: e.kind, message: e.message };
  throw e;
}

export function sourceRoutes() {
  const app = createRouter();
  app.openapi(listRoute, async (c) => {
    const { db } = c.var.deps;
    const { unit } = c.req.valid('query');
    if (unit && !c.var.scope.canSee(unit)) throw forbidden();
    const units = await q.listUnits(db, unit ? [unit] : c.var.scope.isAll ? undefined : [...c.var.scope.unitIds!]);
    if (unit && units.length === 0) throw notFound(`đơn vị "${unit}"`);
    const sources = await q.sourcesForAdmin(db, units.map((u) => u.id));
    const minDepth = Math.min(...units.map((u) => u.depth));
    return c.json({
      units: units.map((u) => ({
        id: u.id, name: u.name, depth: u.depth - minDepth,
        sources: sources.filter((s) => s.unit_id === u.id).map(toSourceJson),
      })),
    }, 200);
  });

  app.openapi(discoverRoute, async (c) => {
    const { url } = c.req.valid('json');
    try {
      const r = await discoverSources(url, fetchOptions(c));
      const known = await Promise.all(r.proposals.map((p) => q.sourceByUrl(c.var.deps.db, p.url)));
      return c.json({ homeUrl: r.homeUrl, listingFallback: r.listingFallback, proposals: r.proposals.map((p, i) => ({ ...p, existingSourceId: known[i] ? String(known[i]!.id) : null })) }, 200);
    } catch (e) {
      const f = readFailure(e);
      throw new ApiError(422, f.kind, `Không đọc được trang chủ: ${f.message}`);
    }
  });

  app.openapi(createSourceRoute, async (c) => {
    const input = c.req.valid('json');
    const { db } = c.var.deps;
    if (!c.var.scope.canSee(input.unitId)) throw forbidden();
    if (!(await q.getUnit(db, input.unitId))) throw notFound(`đơn vị "${input.unitId}"`);
    const existing = await q.sourceByUrl(db, input.url);
    if (existing) throw new ApiError(409, 'conflict', `Nguồn này đã có (mã ${existing.id}, đơn vị ${existing.unit_id})`);
    const id = await q.insertSource(db, { unitId: input.unitId, kind: input.kind, url: input.url, listing: input.listing ?? null, overrides: input.overrides ?? null });
    await auditRequest(c, 'source.create', String(id), { unitId: input.unitId, kind: input.kind, url: input.url });
    return c.json({ source: toSourceJson((await q.getSource(db, id))!) }, 201);
  });

  app.openapi(testRoute, async (c) => {
    const s = await visibleSource(c, c.req.valid('param').id);
    // A draft (the form's unsaved settings) is tried as given; without one, the saved settings.
    const raw = (await c.req.text()).trim();
    let json: unknown;
    try {
      json = raw ? JSON.parse(raw) : undefined;
    } catch {
      throw new ApiError(400, 'bad_request', 'Thân yêu cầu không phải JSON hợp lệ');
    }
    const draft = json === undefined ? undefined : sourceSettings.parse(json); // ZodError → 400 naming the field
    const saved = toSourceJson(s);
    const listing = draft && 'listing' in draft ? draft.listing ?? null : saved.listing;
    const overrides = draft && 'overrides' in draft ? draft.overrides ?? null : saved.overrides;
    try {
      const r = await inspectUrl(s.url, {
        fetch: fetchOptions(c), now: c.var.deps.now(), maxPages: 1, kind: s.kind === 'listing' || s.kind === 'page' ? s.kind : null, listing, overrides, extract: c.var.deps.extract,
      });
      return c.json({
        ok: true, kind: r.kind, itemCount: r.items.length,
        items: r.items.slice(0, 20).map(({ text, ...i }) => ({ ...i, excerpt: text ? text.slice(0, 300) : null })),
        listing: r.listing ?? null,
        issues: r.issues.slice(0, 20),
      }, 200);
    } catch (e) {
      return c.json({ ok: false, error: readFailure(e) }, 200);
    }
  });

  app.openapi(settingsRoute, async (c) => {
    const s = await visibleSource(c, c.req.valid('param').id);
    const input = c.req.valid('json');
    const listing = input.listing?.item ? { item: input.listing.item, next: input.listing.next || null } : null;
    await q.updateSourceSettings(c.var.deps.db, s.id, { listing, overrides: input.overrides ?? null }, c.var.deps.now());
    await auditRequest(c, 'source.settings', String(s.id), { url: s.url, listing, overrides: input.overrides ?? null });
    return c.json({ source: toSourceJson((await q.getSource(c.var.deps.db, s.id))!) }, 200);
  });

  for (const action of ['pause', 'resume'] as const) {
    app.openapi(pauseRoute(action), async (c) => {
      const s = await visibleSource(c, c.req.valid('param').id);
      await q.setSourcePaused(c.var.deps.db, s.id, action === 'pause', c.var.deps.now());
      await auditRequest(c, `source.${action}`, String(s.id), { url: s.url });
      return c.json({ source: toSourceJson((await q.getSource(c.var.deps.db, s.id))!) }, 200);
    });
  }

  app.openapi(eventsRoute, async (c) => {
    const s = await visibleSource(c, c.req.valid('param').id);
    const events = await q.sourceEvents(c.var.deps.db, s.id);
    return c.json({
      source: toSourceJson(s),
      events: events.map((e) => ({ at: e.fetched_at, url: e.url, status: e.status, errorKind: e.error_kind, message: e.message, durationMs: e.duration_ms, bytes: e.bytes })),
    }, 200);
  });
  return app;
}
