// Vietnamese wording of audit actions (the server's action names are stable identifiers).
import { ROLE_LABEL } from '$lib/format';

export const ACTION_LABEL: Record<string, string> = {
  'login.ok': 'Đăng nhập',
  'login.failed': 'Đăng nhập thất bại',
  'login.limited': 'Bị chặn đăng nhập (thử quá nhiều lần)',
  logout: 'Đăng xuất',
  'user.create': 'Tạo người dùng',
  'user.update': 'Sửa người dùng',
  'user.disable': 'Khóa người dùng',
  'user.password_reset': 'Đặt lại mật khẩu',
  'plan.import': 'Nhập kế hoạch',
  'plan.update': 'Sửa kế hoạch',
  'plan.assign': 'Giao kế hoạch cho đơn vị',
  'plan.unassign': 'Bỏ giao kế hoạch',
  'export.coverage': 'Xuất báo cáo',
  'decision.create': 'Quyết định phân loại',
  'review.flag': 'Đề nghị xem lại',
  'review.resolve': 'Xử lý đề nghị xem lại',
  'source.create': 'Thêm nguồn',
  'submission.create': 'Gửi minh chứng',
  'alert.ack': 'Xác nhận cảnh báo',
  'model.retrain': 'Huấn luyện lại mô hình',
};

export function actionLabel(action: string): string {
  return ACTION_LABEL[action] ?? action;
}

const KEY_LABEL: Record<string, string> = {
  username: 'tài khoản',
  role: 'vai trò',
  unitId: 'đơn vị',
  unit_id: 'đơn vị',
  display_name: 'họ tên',
  disabled: 'khóa',
  reason: 'lý do',
  via: 'qua',
  passwordReset: 'đặt lại mật khẩu',
};

const VALUE_LABEL: Record<string, string> = {
  'bad-password': 'sai mật khẩu',
  'unknown-user': 'không có tài khoản',
  disabled: 'tài khoản bị khóa',
  config: 'cấu hình máy chủ',
  true: 'có',
  false: 'không',
  ...ROLE_LABEL,
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return VALUE_LABEL[text] ?? text;
}

/** One readable line for an entry's detail JSON: known keys and values in Vietnamese, changes as from → to. */
export function describeDetail(detail: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(detail)) {
    if (value === null || value === undefined || value === '') continue;
    if (key === 'changes' && typeof value === 'object') {
      for (const [field, change] of Object.entries(value as Record<string, { from: unknown; to: unknown }>)) {
        parts.push(`${KEY_LABEL[field] ?? field}: ${show(change?.from)} → ${show(change?.to)}`);
      }
      continue;
    }
    parts.push(`${KEY_LABEL[key] ?? key}: ${show(value)}`);
  }
  return parts.join('; ');
}
