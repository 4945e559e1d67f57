import { createRoute, z } from '@hono/zod-openapi';
import { dayParam, errorResponse, exportTableResponse, idParam, monthParam, quarterParam, yearParam } from '@tdtt/shared';
import { auditRequest } from '../auth/audit';
import { buildTable, contentDisposition, CONTENT_TYPES, CSV_STANDARD, CSV_VN, exportFileName, loadExport, postsCsv, tableCsv, writeXlsx } from '../export';
import { createRouter } from './router';

export const exportQuery = z.object({
  plan: idParam.optional(),
  month: monthParam.optional(),
  quarter: quarterParam.optional(),
  year: yearParam.optional(),
  from: dayParam.optional(),
  to: dayParam.optional(),
  unit: idParam.optional(),
  /** csv-vn: semicolons and decimal commas, as Excel set to Vietnamese opens it (server/src/export/csv.ts). */
  format: z.enum(['xlsx', 'csv', 'csv-vn'], { message: 'định dạng phải là xlsx, csv hoặc csv-vn' }).default('xlsx'),
  posts: z.enum(['0', '1'], { message: 'posts phải là 0 hoặc 1' }).default('1'),
  /** CSV holds one sheet: the table (default) or the posts that counted. */
  sheet: z.enum(['table', 'posts'], { message: 'sheet phải là table hoặc posts' }).default('table'),
});

const getExportTable = createRoute({
  method: 'get',
  path: '/table',
  summary: 'Bảng bao phủ của bản xuất (cùng các ô của XLSX/CSV), cho báo cáo in',
  request: { query: exportQuery.pick({ plan: true, month: true, quarter: true, year: true, from: true, to: true, unit: true }) },
  responses: {
    200: { description: 'Bảng', content: { 'application/json': { schema: exportTableResponse } } },
    400: { description: 'Tham số không hợp lệ', content: { 'application/json': { schema: errorResponse } } },
    403: { description: 'Đơn vị ngoài phạm vi', content: { 'application/json': { schema: errorResponse } } },
    404: { description: 'Không có kế hoạch hoặc đơn vị', content: { 'application/json': { schema: errorResponse } } },
  },
});

const binary = z.string().openapi({ format: 'binary' });

const getCoverageExport = createRoute({
  method: 'get',
  path: '/coverage',
  summary: 'Xuất bảng bao phủ (XLSX hoặc CSV) cho một tháng, quý, năm hoặc khoảng ngày',
  request: { query: exportQuery },
  responses: {
    200: {
      description: 'Tệp bảng tính',
      content: { [CONTENT_TYPES.xlsx]: { schema: binary }, [CONTENT_TYPES.csv]: { schema: binary } },
    },
    400: { description: 'Tham số không hợp lệ', content: { 'application/json': { schema: errorResponse } } },
    403: { description: 'Đơn vị ngoài phạm vi', content: { 'application/json': { schema: errorResponse } } },
    404: { description: 'Không có kế hoạch hoặc đơn vị', content: { 'application/json': { schema: errorResponse } } },
  },
});

export function exportRoutes() {
  const app = createRouter();
  app.openapi(getExportTable, async (c) => {
    const { db, now } = c.var.deps;
    const data = await db.withJobMemory(() => loadExport(db, c.var.scope, { ...c.req.valid('query'), posts: false }, now()));
    return c.json(
      {
        plan: data.plan,
        month: data.period.month ?? null,
        periodLabel: data.period.label,
        scopeLabel: data.scopeLabel,
        themes: data.themes.map((t) => ({ id: t.id, title: t.title, phaseLabel: t.phaseLabel, class: t.class, minMatches: t.minMatches })),
        table: buildTable(data),
      },
      200,
    );
  });
  app.openapi(getCoverageExport, async (c) => {
    const { db, now } = c.var.deps;
    const { format, posts, sheet, ...query } = c.req.valid('query');
    const csv = format === 'xlsx' ? null : format === 'csv-vn' ? CSV_VN : CSV_STANDARD;
    const postsCsvWanted = csv !== null && sheet === 'posts';
    // An export reads as a job does: a province's posts that counted do not fit in the pages' DuckDB
    // memory, and its table is read 20 % faster with more of it.
    const wantPosts = postsCsvWanted || (format === 'xlsx' && posts === '1');
    const data = await db.withJobMemory(() => loadExport(db, c.var.scope, { ...query, posts: wantPosts }, now()));
    const name = exportFileName(data, format, postsCsvWanted ? 'Bài được tính' : undefined);
    const body = csv === null ? await writeXlsx(data) : postsCsvWanted ? postsCsv(data, csv) : tableCsv(buildTable(data), csv);
    // The one audit call site of every export.
    await auditRequest(c, 'export.coverage', data.plan.id, {
      format,
      sheet: csv !== null ? sheet : 'all',
      period: data.period.slug,
      unit: query.unit ?? null,
      units: data.units.length,
      themes: data.themes.length,
      file: name,
    });
    return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': contentDisposition(name),
      'cache-control': 'no-store',
    }) as never;
  });
  return app;
}
