import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from './router';
import { dayParam, errorResponse, idParam } from '@tdtt/shared';
import * as q from '../db/queries';
import { badRequest, forbidden } from '../middleware/errors';
import { currentModelVersion } from '../runtime/model';
import { parseQuery, searchPosts } from '../search';
import { csvDialect, csvHeaders, listFormatParam, searchCsv } from '../export/list-csv';

/** A CSV of a search holds its best hits at most (the screen pages them by 20). */
export const SEARCH_CSV_MAX = 1000;

const searchQuery = z.object({
  q: z.string().trim().min(1, 'hãy nhập từ khóa tìm kiếm').max(200, 'từ khóa dài tối đa 200 ký tự'),
  unit: idParam.optional(),
  theme: idParam.optional(),
  from: dayParam.optional(),
  to: dayParam.optional(),
  kind: z.enum(['original', 'repost'], { message: 'kind phải là original hoặc repost' }).optional(),
  page: z.coerce.number({ message: 'trang phải là số' }).int('trang phải là số nguyên').min(1, 'trang bắt đầu từ 1').max(500, 'trang tối đa 500').default(1),
  /** csv / csv-vn: the best hits (up to SEARCH_CSV_MAX) as a file instead of one page of JSON. */
  format: listFormatParam,
});

const mark = z.object({ start: z.number(), end: z.number() });
const hit = z.object({
  id: z.string(),
  title: z.string(),
  titleMarks: z.array(mark),
  snippet: z.object({ from: z.number(), to: z.number(), text: z.string(), marks: z.array(mark) }),
  url: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  publishedAt: z.string(),
  isRepost: z.boolean(),
  phrase: z.boolean(),
  score: z.number(),
});
const searchResponse = z.object({
  q: z.string(),
  terms: z.array(z.string()),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  hits: z.array(hit),
});

const search = createRoute({
  method: 'get',
  path: '/',
  summary: 'Tìm kiếm toàn văn bài viết (có dấu hoặc không dấu), lọc theo đơn vị, chủ đề, thời gian, bài gốc/đăng lại',
  description:
    'Mọi âm tiết của truy vấn phải có trong tiêu đề hoặc nội dung; cụm trong ngoặc kép phải đúng thứ tự. Bài chứa nguyên cụm truy vấn xếp trước. Dấu vết tô sáng là vị trí (ký tự) trong văn bản gốc.',
  request: { query: searchQuery },
  responses: {
    200: { description: 'Một trang kết quả (format=csv/csv-vn: tệp CSV các kết quả tốt nhất)', content: { 'application/json': { schema: searchResponse }, 'text/csv': { schema: z.string() } } },
    400: { description: 'Tham số không hợp lệ', content: { 'application/json': { schema: errorResponse } } },
    403: { description: 'Đơn vị ngoài phạm vi', content: { 'application/json': { schema: errorResponse } } },
  },
});

export function searchRoutes() {
  const app = createRouter();
  app.openapi(search, async (c) => {
    const { db } = c.var.deps;
    const input = c.req.valid('query');
    const scope = c.var.scope;
    if (parseQuery(input.q).words.length === 0) throw badRequest('q: từ khóa cần có chữ hoặc số');
    if (input.from && input.to && input.from > input.to) throw badRequest('from: ngày bắt đầu sau ngày kết thúc');
    let unitIds: string[] | null = scope.isAll ? null : [...scope.unitIds!];
    if (input.unit) {
      if (!scope.canSee(input.unit)) throw forbidden();
      unitIds = scope.filter(await q.subtreeIds(db, input.unit), (id) => id);
    }
    const result = await searchPosts(db, {
      q: input.q,
      unitIds,
      themeId: input.theme ?? null,
      from: input.from ?? null,
      to: input.to ?? null,
      kind: input.kind ?? null,
      page: input.format ? 1 : input.page,
      pageSize: input.format ? SEARCH_CSV_MAX : undefined,
      modelVersion: await currentModelVersion(db),
    });
    if (input.format) return c.body(searchCsv(result, csvDialect(input.format)), 200, csvHeaders(`Tìm kiếm - ${input.q}`, input.format)) as never;
    return c.json(result, 200);
  });
  return app;
}
