import { monthPeriod, overlaps, scoreUnit, type ScoreTheme, type ThemeCount } from '@tdtt/shared/score';

export interface RollupTheme extends ScoreTheme {
  startsOn: string | null;
  endsOn: string | null;
}

export interface MonthlyCount {
  unitId: string;
  themeId: string;
  month: string;
  own: number;
  repost: number;
  submitted: number;
}

export interface UnitMonthScore {
  unitId: string;
  month: string;
  score: number;
  covered: number;
  active: number;
  postCount: number;
}

/** Scores of every accountable unit for every month, from monthly counts (pure). */
export function computeScores(
  units: string[],
  themes: RollupTheme[],
  months: string[],
  counts: MonthlyCount[],
  postCounts: { unitId: string; month: string; n: number }[],
): UnitMonthScore[] {
  const byKey = new Map<string, ThemeCount>();
  for (const c of counts) byKey.set(`${c.unitId}|${c.themeId}|${c.month}`, c);
  const posts = new Map(postCounts.map((p) => [`${p.unitId}|${p.month}`, p.n]));
  const out: UnitMonthScore[] = [];
  for (const month of months) {
    const period = monthPeriod(month);
    const active = themes.filter((t) => overlaps(t, period));
    for (const unitId of units) {
      const s = scoreUnit(active, (themeId) => byKey.get(`${unitId}|${themeId}|${month}`));
      out.push({ unitId, month, ...s, postCount: posts.get(`${unitId}|${month}`) ?? 0 });
    }
  }
  return out;
}
