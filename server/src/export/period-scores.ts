import { overlaps, scoreUnit, themeWeight, type Period } from '@tdtt/shared/score';

interface PeriodTheme {
  id: string;
  class: string | null;
  min_matches: number;
  weight: number | null;
  starts_on: string | null;
  ends_on: string | null;
}

/** Themes whose phase window overlaps the period (plan order kept). */
export function activeInPeriod<T extends PeriodTheme>(themes: T[], period: Period): T[] {
  return themes.filter((t) => overlaps({ startsOn: t.starts_on, endsOn: t.ends_on }, period));
}

export function weightOf(t: PeriodTheme): number {
  return themeWeight({ id: t.id, class: t.class, minMatches: t.min_matches, weight: t.weight ?? undefined });
}

/**
 * Scores over a whole period with the monthly rules (shared scoreUnit) applied to the period's counts:
 * the same figures the roll-up stores per month, for a quarter, a year or any day range.
 */
export function periodScores(
  unitIds: string[],
  active: PeriodTheme[],
  counts: { unit_id: string; theme_id: string; own: number; repost: number }[],
  postCounts: { unit_id: string; n: number }[],
): Map<string, { score: number; covered: number; active: number; post_count: number }> {
  const byKey = new Map(counts.map((c) => [`${c.unit_id}|${c.theme_id}`, c]));
  const posts = new Map(postCounts.map((p) => [p.unit_id, p.n]));
  const scoreThemes = active.map((t) => ({ id: t.id, class: t.class, minMatches: t.min_matches, weight: t.weight ?? undefined }));
  const out = new Map<string, { score: number; covered: number; active: number; post_count: number }>();
  for (const unitId of unitIds) {
    const s = scoreUnit(scoreThemes, (themeId) => byKey.get(`${unitId}|${themeId}`));
    out.set(unitId, { ...s, post_count: posts.get(unitId) ?? 0 });
  }
  return out;
}
