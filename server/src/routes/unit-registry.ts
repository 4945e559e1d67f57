// The unit registry (administrators; see auth/roles ACCESS_RULES): list, create, edit, retire, merge,
// import the office's sheet (with a dry run), export it back, and the websites' discovery results.
import { createRoute, z } from '@hono/zod-openapi';
import { dayParam, errorResponse, idParam } from '@tdtt/shared';
import { kindSlug } from '@tdtt/shared/units';
import { bodyLimit } from 'hono/body-limit';
import { auditRequest, clientAddress } from '../auth';
import * as q from '../db/queries';
import { ApiError, badRequest } from '../middleware/errors';
import { createUnit, editUnit, importUnits, MAX_SHEET_BYTES, mergeUnits, readSheetFile, registryXlsx, RegistryError, retireUnit, SheetFileError } from '../units';
import { createRouter } from './router';
import type { AppDeps } from '../app-env';
import { ALL_DAYS, markRollupDirty } from '../runtime/rollup';

const err = (description: string) => ({ description, content: { 'application/json': { schema: errorResponse } } });
const anyJson = (description: string) => ({ description, content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } });
const json = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const errors = { 400: err('Dữ liệu không hợp lệ'), 403: err('Chỉ quản trị viên'), 404: err('Không có') };
/** The one day validator (shared/src/schema/dates): real calendar days only, 400 naming the field. */
const day = dayParam;
const flag = z.enum(['1', '0', 'true', 'false']).optional();
const isOn = (v: string | undefined) => v === '1' || v === 'true';

const unitFields = {
  name: z.string().trim().min(1, 'hãy nhập tên đơn vị').max(300),
  code: z.string().trim().max(64).nullable().optional(),
  kind: z.string().trim().max(60).optional(),
  parentId: idParam.nullable().optional(),
  websites: z.array(z.string().max(2000)).max(50).optional(),
};

const registryRoute = createRoute({ method: 'get', path: '/registry', summary: 'Danh bạ đơn vị (cả đơn vị đã ngừng), theo cây', responses: { 200: anyJson('Đơn vị'), 403: errors[403] } });
const exportRoute = createRoute({
  method: 'get', path: '/registry.xlsx', summary: 'Xuất danh bạ đơn vị ra XLSX (cùng các cột khi nhập)',
  responses: { 200: { description: 'Tệp XLSX' }, 403: errors[403] },
});
const websitesRoute = createRoute({ method: 'get', path: '/websites', summary: 'Trang web của các đơn vị và kết quả dò tìm nguồn', responses: { 200: anyJson('Trang web'), 403: errors[403] } });
const createUnitRoute = createRoute({
  method: 'post', path: '/', summary: 'Thêm một đơn vị', request: json(z.object(unitFields)),
  responses: { 201: anyJson('Đã thêm'), ...errors },
});
const editUnitRoute = createRoute({
  method: 'patch', path: '/{id}', summary: 'Đổi tên, mã, loại, cấp trên, trang web của một đơn vị (mã định danh giữ nguyên)',
  request: { params: z.object({ id: idParam }), ...json(z.object({ ...unitFields, name: unitFields.name.optional() }).strict()) },
  responses: { 200: anyJson('Đã sửa'), ...errors },
});
const retireRoute = createRoute({
  method: 'post', path: '/{id}/retire', summary: 'Ngừng theo dõi đơn vị từ một ngày (from: null để khôi phục)',
  request: { params: z.object({ id: idParam }), ...json(z.object({ from: day.nullable() })) },
  responses: { 200: anyJson('Đã ghi'), ...errors },
});
const mergeRoute = createRoute({
  method: 'post', path: '/merge', summary: 'Hợp nhất nhiều đơn vị thành một từ một ngày (đơn vị có sẵn hoặc tạo mới)',
  request: json(z.object({ unitIds: z.array(idParam).min(1).max(500), into: z.union([idParam, z.object(unitFields)]), from: day })),
  responses: { 200: anyJson('Đã hợp nhất'), ...errors },
});
const importRoute = createRoute({
  method: 'post', path: '/import',
  summary: 'Nhập danh bạ đơn vị từ bảng tính (.xlsx, .csv); ?dryRun=1 chỉ xem trước; ?skipBadRows=1 lưu các dòng đúng, bỏ dòng lỗi',
  middleware: [bodyLimit({ maxSize: MAX_SHEET_BYTES + 64 * 1024, onError: () => { throw new ApiError(413, 'too_large', `Tệp quá lớn: giới hạn ${MAX_SHEET_BYTES / 1024 / 1024} MB.`); } })] as const,
  request: {
    query: z.object({ dryRun: flag, skipBadRows: flag }),
    body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } } },
  },
  responses: { 200: anyJson('Xem trước hoặc đã lưu'), ...errors, 413: err('Tệp quá lớn'), 415: err('Không phải bảng tính'), 422: anyJson('Có dòng lỗi: không lưu gì') },
});

function registryError(e: unknown): never {
  if (e instanceof RegistryError) throw new ApiError(e.status, e.status === 404 ? 'not_found' : 'bad_request', e.message);
  throw e;
}

export function unitRegistryRoutes() {
  const app = createRouter();

  app.openapi(registryRoute, async (c) => c.json({ units: await q.registryUnits(c.var.deps.db, { includeRetired: true }) }, 200));

  app.openapi(exportRoute, async (c) => {
    const buf = await registryXlsx(await q.registryUnits(c.var.deps.db));
    await auditRequest(c, 'unit.export', null, {});
    return c.body(new Uint8Array(buf), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="danh-ba-don-vi.xlsx"`,
    });
  });

  app.openapi(websitesRoute, async (c) => {
    const rows = await q.listWebsites(c.var.deps.db);
    return c.json({
      websites: rows.map((w) => ({ unitId: w.unit_id, unitName: w.unit_name, url: w.url, state: w.state, message: w.message, sourceCount: w.source_count, checkedAt: w.checked_at })),
      running: c.var.deps.runner.isRunning('discover'),
    }, 200);
  });

  app.openapi(createUnitRoute, async (c) => {
    const body = c.req.valid('json');
    const unit = await createUnit(c.var.deps.db, { ...body, kind: body.kind ? kindSlug(body.kind) : undefined }).catch(registryError);
    await auditRequest(c, 'unit.create', unit.id, { ...unit });
    if (unit.websites.length) void c.var.deps.runner.run('discover').catch(() => undefined);
    return c.json({ unit }, 201);
  });

  app.openapi(editUnitRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { before, after } = await editUnit(c.var.deps.db, id, { ...body, kind: body.kind ? kindSlug(body.kind) : undefined }).catch(registryError);
    const changes = (Object.keys(after) as (keyof typeof after)[])
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => ({ field: k, from: before[k], to: after[k] }));
    const action = changes.some((x) => x.field === 'parentId') ? 'unit.move' : changes.some((x) => x.field === 'name') ? 'unit.rename' : 'unit.update';
    await auditRequest(c, action, id, { changes });
    if (changes.some((x) => x.field === 'parentId')) await rescore(c.var.deps);
    if (changes.some((x) => x.field === 'websites')) void c.var.deps.runner.run('discover').catch(() => undefined);
    return c.json({ unit: after, changes }, 200);
  });

  app.openapi(retireRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { from } = c.req.valid('json');
    await retireUnit(c.var.deps.db, id, from).catch(registryError);
    await auditRequest(c, from ? 'unit.retire' : 'unit.unretire', id, { from });
    await rescore(c.var.deps);
    return c.json({ id, retiredFrom: from }, 200);
  });

  app.openapi(mergeRoute, async (c) => {
    const { db } = c.var.deps;
    const { unitIds, into, from } = c.req.valid('json');
    let intoId: string;
    if (typeof into === 'string') intoId = into;
    else {
      const unit = await createUnit(db, { ...into, kind: into.kind ? kindSlug(into.kind) : undefined }).catch((e) => {
        if (e instanceof RegistryError) throw new ApiError(400, 'bad_request', `into.${e.message}`);
        throw e;
      });
      await auditRequest(c, 'unit.create', unit.id, { ...unit, forMerge: unitIds });
      intoId = unit.id;
    }
    await mergeUnits(db, [...new Set(unitIds)], intoId, from).catch(registryError);
    await auditRequest(c, 'unit.merge', intoId, { unitIds, from });
    await rescore(c.var.deps);
    return c.json({ into: intoId, unitIds, from }, 200);
  });

  app.openapi(importRoute, async (c) => {
    const { db, now } = c.var.deps;
    const query = c.req.valid('query');
    if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data')) throw badRequest('file: hãy gửi tệp bảng tính (.xlsx hoặc .csv) trong trường "file"');
    const file = (await c.req.parseBody())['file'];
    if (!(file instanceof File)) throw badRequest('file: hãy chọn tệp bảng tính (.xlsx hoặc .csv)');
    let grid: string[][];
    try {
      grid = await readSheetFile(new Uint8Array(await file.arrayBuffer()), file.name);
    } catch (e) {
      if (e instanceof SheetFileError) throw new ApiError(e.status, e.status === 413 ? 'too_large' : 'not_a_sheet', e.message);
      throw e;
    }
    const user = c.var.user;
    const outcome = await importUnits(db, grid, {
      dryRun: isOn(query.dryRun), skipBadRows: isOn(query.skipBadRows), file: file.name, now: now(),
      actor: { id: user?.id ?? null, username: user?.username ?? null, ip: clientAddress(c) },
    });
    if (outcome.sheetError) throw new ApiError(422, 'not_a_registry', outcome.sheetError);
    if (!outcome.dryRun && !outcome.saved) {
      const message = `${outcome.problems.length} dòng có lỗi: chưa lưu gì. Sửa tệp, hoặc chọn bỏ qua các dòng lỗi.`;
      return c.json({ error: { code: 'bad_rows', message }, ...outcome }, 422);
    }
    if (outcome.saved && (outcome.created.length || outcome.updated.length)) {
      void c.var.deps.runner.run('discover').catch(() => undefined);
      if (outcome.updated.some((u) => u.changes.some((x) => x.field === 'parentId'))) await rescore(c.var.deps);
    }
    return c.json(outcome, 200);
  });
  return app;
}

/** The tree changed: every score may be stale; roll up in the background. */
async function rescore(deps: AppDeps): Promise<void> {
  await markRollupDirty(deps.db, ALL_DAYS);
  void deps.runner.run('rollup').catch(() => undefined);
}
