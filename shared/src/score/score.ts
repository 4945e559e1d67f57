import { isCovered } from './covered';

/**
 * Coverage scoring rules (definitions also in the README):
 * - a theme is covered by a unit in a period when its matching posts (own + reposts) reach the theme's minimum;
 * - submitted evidence is counted apart and does not enter the score;
 * - the score is the weighted share of active themes covered, 0–100; core themes weigh double.
 */
export interface ScoreTheme {
  id: string;
  /** 'core' | 'regular' | null — from the plan. */
  class: string | null;
  minMatches: number;
  weight?: number;
}

export interface ThemeCount {
  own: number;
  repost: number;
  submitted?: number;
}

export const CLASS_WEIGHTS: Record<string, number> = { core: 2, regular: 1 };

export function themeWeight(t: ScoreTheme): number {
  return t.weight ?? CLASS_WEIGHTS[t.class ?? ''] ?? 1;
}

export interface UnitScore {
  score: number;
  covered: number;
  active: number;
}

export function scoreUnit(active: ScoreTheme[], counts: (themeId: string) => ThemeCount | undefined): UnitScore {
  let total = 0;
  let got = 0;
  let covered = 0;
  for (const t of active) {
    const w = themeWeight(t);
    total += w;
    if (isCovered(counts(t.id), t.minMatches)) {
      got += w;
      covered++;
    }
  }
  return { score: total === 0 ? 0 : Math.round((1000 * got) / total) / 10, covered, active: active.length };
}

/**
 * A parent's view of its subtree ("Điểm cả cụm"): the mean score of the unit and all its
 * descendants, one decimal. The roll-up stores the same mean (`round(avg(score), 1)` in
 * db/queries/subtrees.ts; tests/integration/coverage-contract.test.ts checks they agree).
 */
export function subtreeScore(scores: number[]): number {
  if (scores.length === 0) return 0;
  return Math.round((10 * scores.reduce((a, b) => a + b, 0)) / scores.length) / 10;
}
