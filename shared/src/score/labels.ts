// What every screen and file calls each figure (README "Scores" uses the same names).

export const FIGURE_LABELS = {
  unitScore: 'Điểm đơn vị',
  /** The subtree mean, with its number of units. */
  subtreeScore: (units: number) => `Điểm cả cụm (TB ${units} đơn vị)`,
  subtreeScoreColumn: 'Điểm cả cụm',
  subtreeUnitsColumn: 'Số đơn vị trong cụm',
  unitCovered: 'Chủ đề có bài (đơn vị)',
  active: 'Chủ đề áp dụng',
  /** Covered (unit, theme) pairs over the subtree, of units × active themes. */
  subtreeCovered: 'Lượt chủ đề có bài (cả cụm)',
  subtreeActive: 'Lượt chủ đề áp dụng (cả cụm)',
  provinceRank: 'Hạng trong toàn tỉnh',
  scopeRank: 'Hạng trong cụm',
} as const;
