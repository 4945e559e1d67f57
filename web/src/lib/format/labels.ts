// Vietnamese labels for enum values that come from the API.
import type { Role } from '$lib/api';

export const ROLE_LABEL: Record<Role, string> = {
  admin: 'Quản trị',
  staff: 'Cán bộ Ban Tuyên giáo',
  lead: 'Lãnh đạo đơn vị',
};

const JOB_LABEL: Record<string, string> = {
  collect: 'Thu thập bài viết',
  classify: 'Phân loại theo chủ đề',
  rollup: 'Tổng hợp độ phủ',
  discover: 'Dò tìm nguồn từ trang web đơn vị',
  load: 'Nhận bài từ máy thu thập',
  snapshot: 'Xuất bản bản sao dữ liệu',
};

export function jobLabel(job: string): string {
  return JOB_LABEL[job] ?? job;
}

const RUN_STATUS: Record<string, string> = { ok: 'Thành công', error: 'Lỗi', running: 'Đang chạy' };

export function runStatusLabel(status: string): string {
  return RUN_STATUS[status] ?? status;
}

const SOURCE_KIND: Record<string, string> = {
  rss: 'RSS',
  atom: 'Atom',
  feed: 'RSS/Atom',
  sitemap: 'Sitemap',
  listing: 'Trang danh sách tin',
  html: 'Trang danh sách tin',
};

export function sourceKindLabel(kind: string): string {
  return SOURCE_KIND[kind] ?? kind;
}

export type Health = 'good' | 'warn' | 'bad' | 'paused' | 'new';

/** Source health from its state and failure score (0 = healthy). */
export function sourceHealth(state: string, failureScore: number): Health {
  const s = state.toLowerCase();
  if (s === 'paused' || s === 'disabled') return 'paused';
  if (s === 'new' || s === 'pending') return 'new';
  if (s === 'error' || s === 'failing' || s === 'dead' || failureScore >= 3) return 'bad';
  if (failureScore > 0 || s === 'warning' || s === 'degraded') return 'warn';
  return 'good';
}

export const HEALTH_LABEL: Record<Health, string> = {
  good: 'Hoạt động tốt',
  warn: 'Có lỗi gần đây',
  bad: 'Đang lỗi',
  paused: 'Tạm dừng',
  new: 'Chưa thu thập',
};

const THEME_CLASS: Record<string, string> = { core: 'Trọng tâm', regular: 'Thường xuyên' };

export function themeClassLabel(c: string): string {
  return THEME_CLASS[c] ?? c;
}

const STAT_LABEL: Record<string, string> = {
  sources: 'nguồn',
  units: 'đơn vị',
  months: 'tháng',
  posts: 'bài viết',
  newPosts: 'bài mới',
  new: 'mới',
  inserted: 'đã thêm',
  updated: 'đã cập nhật',
  skipped: 'bỏ qua',
  duplicates: 'trùng',
  reposts: 'đăng lại',
  matches: 'lượt khớp',
  classified: 'đã phân loại',
  fetched: 'đã tải',
  failed: 'lỗi',
  errors: 'lỗi',
  themes: 'chủ đề',
  rows: 'dòng',
  plans: 'kế hoạch',
  scores: 'điểm',
  matched: 'bài khớp',
  modelVersion: 'phiên bản mô hình',
};

/** A job-run stats key in Vietnamese; unknown keys are shown as they come. */
export function statLabel(key: string): string {
  return STAT_LABEL[key] ?? key;
}

/** "KH-01 — Title", or the title alone when the plan has no code. */
export function planTitle(plan: { code: string | null; title: string }): string {
  return `${plan.code ? `${plan.code} — ` : ''}${plan.title}`;
}
