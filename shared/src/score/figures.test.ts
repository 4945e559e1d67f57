import { describe, expect, it } from 'vitest';
import { competitionRanks, coveredSql, isCovered, isSubtreeCovered, relativeDepths, unitFigures, type ScoredUnit } from './index';

describe('covered rule', () => {
  it('needs own + reposts to reach the minimum, at least one', () => {
    expect(isCovered({ own: 0, repost: 0 }, 0)).toBe(false);
    expect(isCovered({ own: 0, repost: 1 }, 0)).toBe(true);
    expect(isCovered({ own: 1, repost: 0 }, 2)).toBe(false);
    expect(isCovered({ own: 1, repost: 1 }, 2)).toBe(true);
    expect(isCovered(undefined, 1)).toBe(false);
  });
  it('is the same expression for SQL', () => expect(coveredSql('c.own', 'c.repost', 't.min_matches')).toBe('(c.own + c.repost >= greatest(1, t.min_matches))'));
  it('covers a subtree cell when every unit covered it', () => {
    expect(isSubtreeCovered(3, 3)).toBe(true);
    expect(isSubtreeCovered(2, 3)).toBe(false);
    expect(isSubtreeCovered(0, 0)).toBe(false);
  });
});

describe('ranks and depths', () => {
  it('ranks by competition ("1, 2, 2, 4")', () => expect(competitionRanks([50, 80, 50, 10])).toEqual([2, 1, 2, 4]));
  it('shifts depths to the shallowest unit', () => {
    const rows = [{ depth: 2 }, { depth: 3 }, { depth: 4 }];
    expect(rows.map(relativeDepths(rows))).toEqual([0, 1, 2]);
  });
});

describe('unitFigures', () => {
  // tinh ─ huyen ─ xa1, xa2;  tinh ─ so (no sub-units)
  const all: ScoredUnit[] = [
    { id: 'tinh', parentId: null, score: 40, covered: 2, active: 5 },
    { id: 'huyen', parentId: 'tinh', score: 100, covered: 5, active: 5 },
    { id: 'xa1', parentId: 'huyen', score: 20, covered: 1, active: 5 },
    { id: 'xa2', parentId: 'huyen', score: 0, covered: 0, active: 5 },
    { id: 'so', parentId: 'tinh', score: 60, covered: 3, active: 5 },
  ];
  it('gives own and subtree figures, the subtree only for a unit with sub-units', () => {
    const f = unitFigures(all, null);
    expect(f.get('huyen')).toEqual({
      score: 100, covered: 5, active: 5,
      subtree: { score: 40, units: 3, covered: 6, active: 15 },
      rank: { province: 1, scope: 1 },
    });
    expect(f.get('so')!.subtree).toBeNull();
    expect(f.get('tinh')!.subtree).toEqual({ score: 44, units: 5, covered: 11, active: 25 });
    expect(['tinh', 'huyen', 'xa1', 'xa2', 'so'].map((id) => f.get(id)!.rank.province)).toEqual([3, 1, 4, 5, 2]);
  });
  it('ranks within the scope subtree beside the province rank', () => {
    const f = unitFigures(all, ['huyen']);
    expect(['huyen', 'xa1', 'xa2'].map((id) => f.get(id)!.rank)).toEqual([
      { province: 1, scope: 1 },
      { province: 4, scope: 2 },
      { province: 5, scope: 3 },
    ]);
    expect(f.get('so')!.rank.scope).toBeNull();
  });
});
