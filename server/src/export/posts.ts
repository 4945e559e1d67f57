import { CSV_STANDARD, toCsv, type CsvDialect } from './csv';
import { viDate } from './period';
import type { ExportData } from './types';

export const POSTS_HEADER = ['STT', 'Đơn vị', 'Ngày đăng', 'Tiêu đề', 'Đường dẫn', 'Chủ đề', 'Loại bài'];

export interface PostRow {
  n: number;
  unit: string;
  /** YYYY-MM-DD (Vietnam day). */
  day: string;
  title: string;
  url: string;
  /** Theme titles in plan order, joined by "; ". */
  themes: string;
  kind: 'Tự viết' | 'Đăng lại';
}

/** The posts that counted, as listed in the posts sheet (units in table order, then date). */
export function postRows(data: Pick<ExportData, 'units' | 'themes' | 'posts'>): PostRow[] {
  const unitName = new Map(data.units.map((u) => [u.id, u.name]));
  const themeTitle = new Map(data.themes.map((t) => [t.id, t.title]));
  const order = new Map(data.themes.map((t, i) => [t.id, i]));
  return (data.posts ?? []).map((p, i) => ({
    n: i + 1,
    unit: unitName.get(p.unitId) ?? p.unitId,
    day: p.day,
    title: p.title,
    url: p.url,
    themes: [...p.themeIds]
      .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
      .map((id) => themeTitle.get(id) ?? id)
      .join('; '),
    kind: p.isRepost ? 'Đăng lại' : 'Tự viết',
  }));
}

/** The posts list as CSV (dates DD/MM/YYYY), same BOM and quoting as the table. */
export function postsCsv(data: Pick<ExportData, 'units' | 'themes' | 'posts'>, dialect: CsvDialect = CSV_STANDARD): string {
  return toCsv([POSTS_HEADER, ...postRows(data).map((r) => [r.n, r.unit, viDate(r.day), r.title, r.url, r.themes, r.kind])], new Set(), dialect);
}
