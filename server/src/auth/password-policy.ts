import { z } from 'zod';
import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

const common = new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase()));

/** Why a new password is refused (Vietnamese, shown to the user), or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const p = password.normalize('NFC');
  if ([...p].length < MIN_PASSWORD_LENGTH) return `mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự`;
  if (p.length > MAX_PASSWORD_LENGTH) return `mật khẩu dài tối đa ${MAX_PASSWORD_LENGTH} ký tự`;
  const lower = p.toLowerCase();
  if (common.has(lower)) return 'mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác';
  if (new Set(lower).size <= 2) return 'mật khẩu chỉ gồm một hai ký tự lặp lại; hãy chọn mật khẩu khác';
  return null;
}

/** A password being set (account creation, reset, own change): length and not a common one. */
export const passwordSchema = z.string().superRefine((p, ctx) => {
  const problem = passwordProblem(p);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
