// Size limits of one plan. A real plan has 5–60 themes, a few hundred paragraphs and under 100,000
// characters; these limits are far above that and keep a hostile or broken document from costing
// the server minutes (the parser, the save and every roll-up grow with them).
import type { ParsedPlan } from '../schema/plan';

export const PLAN_LIMITS = {
  /** Themes in all phases of one plan. */
  themes: 500,
  /** Characters of the plan text (after extraction from .docx/.pdf). */
  textChars: 1_000_000,
  /** Lines of the plan text. */
  lines: 20_000,
} as const;

const n = (x: number): string => x.toLocaleString('vi-VN');

export const LIMIT_MESSAGES = {
  themes: (count: number) => `Kế hoạch có ${n(count)} chủ đề: giới hạn là ${n(PLAN_LIMITS.themes)} chủ đề cho một kế hoạch. Hãy tách thành nhiều kế hoạch hoặc kiểm tra lại văn bản.`,
  textChars: (count: number) => `Văn bản dài ${n(count)} ký tự: giới hạn là ${n(PLAN_LIMITS.textChars)} ký tự cho một kế hoạch.`,
  lines: (count: number) => `Văn bản có ${n(count)} dòng: giới hạn là ${n(PLAN_LIMITS.lines)} dòng cho một kế hoạch.`,
};

/** Why a text is too big to be parsed as a plan, or null. Linear, and cheap before any parsing. */
export function textLimitError(text: string): string | null {
  if (text.length > PLAN_LIMITS.textChars) return LIMIT_MESSAGES.textChars(text.length);
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  if (lines > PLAN_LIMITS.lines) return LIMIT_MESSAGES.lines(lines);
  return null;
}

export function themeCount(plan: Pick<ParsedPlan, 'phases'>): number {
  return plan.phases.reduce((s, p) => s + p.themes.length, 0);
}

/** A reviewed plan sent back for saving: the same theme limit as a parsed one. */
export function planLimitError(plan: Pick<ParsedPlan, 'phases'>): string | null {
  const count = themeCount(plan);
  return count > PLAN_LIMITS.themes ? LIMIT_MESSAGES.themes(count) : null;
}
