/** Why a text is not an importable plan. Callers check `code`, never the message. */
export type NotAPlanCode = 'empty' | 'not-text' | 'not-a-plan' | 'parse-failed' | 'too-large';

export class NotAPlanError extends Error {
  override readonly name = 'NotAPlanError';
  constructor(
    readonly code: NotAPlanCode,
    message: string,
  ) {
    super(message);
  }
}

export const NOT_A_PLAN_MESSAGES: Record<NotAPlanCode, string> = {
  empty: 'Tệp không có nội dung: không có gì để nhập.',
  'not-text': 'Tệp không phải là văn bản đọc được (có vẻ là dữ liệu nhị phân hoặc sai bảng mã).',
  'not-a-plan':
    'Văn bản này không phải là một kế hoạch: không thấy tiêu đề “KẾ HOẠCH” cùng các phần “Mục đích, yêu cầu”, “Nội dung” hoặc “Tổ chức thực hiện”.',
  'parse-failed': 'Không phân tích được cấu trúc của kế hoạch.',
  'too-large': 'Văn bản vượt giới hạn kích thước của một kế hoạch.',
};

export function notAPlan(code: NotAPlanCode): NotAPlanError {
  return new NotAPlanError(code, NOT_A_PLAN_MESSAGES[code]);
}
