// Pure helpers for the plan review form: flags by field, phrase lists as text, labels.
import type { ParsedPlan } from '$lib/api';

export type Flag = ParsedPlan['flags'][number];

/** Messages flagged for a field ("issuedOn", "phases[1].endsOn" …) or anything under it. */
export function flagsFor(flags: readonly Flag[], field: string): string[] {
  return flags.filter((f) => f.field === field || f.field.startsWith(`${field}.`) || f.field.startsWith(`${field}[`)).map((f) => f.message);
}

/** One phrase per line → list (blank lines and duplicates dropped, NFC). */
export function linesToList(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const t = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

export const THEME_CLASS_LABEL: Record<string, string> = { core: 'Trọng tâm', regular: 'Thường xuyên' };
export const PRECISION_LABEL: Record<string, string> = { day: 'Ngày', month: 'Tháng', year: 'Năm' };

/** "2025-02-03" / "2021-07" / "1831" → "03/02/2025" / "07/2021" / "1831". */
export function formatPartialDate(d: string): string {
  const [y, m, day] = d.split('-');
  if (day) return `${day}/${m}/${y}`;
  if (m) return `${m}/${y}`;
  return y ?? d;
}

export function themeCount(plan: ParsedPlan): number {
  return plan.phases.reduce((n, p) => n + p.themes.length, 0);
}
