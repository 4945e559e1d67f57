// The lists people look at on screen (alerts, search results) as CSV files, standard or for
// Vietnamese Excel, with the same BOM, quoting and formula guard as the coverage table.
import { z } from '@hono/zod-openapi';
import type { Alert, SearchResult } from '@tdtt/shared';
import { contentDisposition } from './filename';
import { CSV_STANDARD, CSV_VN, toCsv, type CsvDialect } from './csv';
import { viDate } from './period';

/** `format=csv` or `format=csv-vn` on a list route; absent: the JSON answer. */
export const listFormatParam = z.enum(['csv', 'csv-vn'], { message: 'định dạng phải là csv hoặc csv-vn' }).optional();

export function csvDialect(format: 'csv' | 'csv-vn'): CsvDialect {
  return format === 'csv-vn' ? CSV_VN : CSV_STANDARD;
}

/** Headers of a CSV download named `name` (".csv" added; "(Excel VN)" for the Vietnamese variant). */
export function csvHeaders(name: string, format: 'csv' | 'csv-vn'): Record<string, string> {
  return {
    'content-type': 'text/csv; charset=utf-8',
    // No path separators or control characters (a search's words are part of the name).
    'content-disposition': contentDisposition(`${name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/\s+/g, ' ').slice(0, 120).trim()}${format === 'csv-vn' ? ' (Excel VN)' : ''}.csv`),
    'cache-control': 'no-store',
  };
}

const ALERT_KIND: Record<Alert['kind'], string> = {
  'theme-gap': 'Thiếu chủ đề sắp hết giai đoạn',
  anniversary: 'Chưa có bài kỷ niệm',
  silent: 'Im lặng 30 ngày',
  'source-failing': 'Nguồn lỗi 3 ngày',
  drop: 'Số bài giảm đột ngột',
};

export function alertsCsv(alerts: Alert[], dialect: CsvDialect): string {
  return toCsv(
    [
      ['STT', 'Mức', 'Loại', 'Đơn vị', 'Cảnh báo', 'Chi tiết', 'Trạng thái'],
      ...alerts.map((a, i) => [i + 1, a.severity === 'high' ? 'Cao' : 'Vừa', ALERT_KIND[a.kind], a.unitName, a.title, a.detail, a.acknowledged ? 'Đã xác nhận' : 'Chưa xác nhận']),
    ],
    new Set(),
    dialect,
  );
}

/** Day of a post in Vietnam (GMT+7) from its ISO instant. */
function vnDay(iso: string): string {
  return viDate(new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10));
}

export function searchCsv(result: SearchResult, dialect: CsvDialect): string {
  return toCsv(
    [
      ['STT', 'Ngày đăng', 'Đơn vị', 'Tiêu đề', 'Loại bài', 'Đường dẫn', 'Đoạn trích'],
      ...result.hits.map((h, i) => [i + 1, vnDay(h.publishedAt), h.unit.name, h.title, h.isRepost ? 'Đăng lại' : 'Tự viết', h.url, h.snippet.text.replace(/\s+/g, ' ').trim()]),
    ],
    new Set(),
    dialect,
  );
}
