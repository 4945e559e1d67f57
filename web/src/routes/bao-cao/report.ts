// Pure helpers of the printable report: subtree rows, theme blocks that fit an A4 landscape page, ranks.
import type { CoverageCount, CoverageTheme, CoverageUnit } from '$lib/api';

/** Theme columns per printed block: 12 pairs of narrow cells fit A4 landscape beside the unit names. */
export const THEMES_PER_BLOCK = 12;

export interface ThemeBlock {
  /** 0-based index of the first theme of the block in the full list. */
  start: number;
  themes: CoverageTheme[];
}

export function themeBlocks(themes: CoverageTheme[], size = THEMES_PER_BLOCK): ThemeBlock[] {
  const blocks: ThemeBlock[] = [];
  for (let i = 0; i < themes.length; i += size) blocks.push({ start: i, themes: themes.slice(i, i + size) });
  return blocks;
}

/** The unit and its descendants (rows keep hierarchy order), depths relative to it; all rows when no unit. */
export function subtreeRows(units: CoverageUnit[], unitId: string | null): CoverageUnit[] {
  if (!unitId) return units;
  const keep = new Set<string>([unitId]);
  for (const u of units) if (u.parentId !== null && keep.has(u.parentId)) keep.add(u.id);
  const rows = units.filter((u) => keep.has(u.id));
  const min = Math.min(...rows.map((u) => u.depth));
  return rows.map((u) => ({ ...u, depth: u.depth - min }));
}

/** Competition ranking ("1, 2, 2, 4"), as in the exported table. */
export function competitionRanks(scores: number[]): number[] {
  return scores.map((s) => 1 + scores.filter((o) => o > s).length);
}

export function isCovered(c: CoverageCount): boolean {
  return c.covered ?? c.own + c.repost > 0;
}

export function averageScore(units: CoverageUnit[]): number | null {
  return units.length ? units.reduce((a, u) => a + u.score, 0) / units.length : null;
}
