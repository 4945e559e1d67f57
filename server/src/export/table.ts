import { FIGURE_LABELS as L, subtreeScore } from '@tdtt/shared/score';
import { viDate } from './period';
import type { CoverageUnit, ExportData } from './types';

export type Cell = string | number | null;

/** 0-based inclusive cell range merged into one. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The coverage sheet as a grid: the one layout both writers render, so the CSV and the XLSX's
 * first sheet hold the same cells (what LibreOffice shows is what the CSV says).
 */
export interface TableGrid {
  rows: Cell[][];
  width: number;
  merges: Merge[];
  /** Index of the first data row (rows above are title and headers). */
  dataStart: number;
  totalsRow: number;
  /** First column of each theme pair (own, repost). */
  themeCols: number[];
  /** Per data row, per theme: covered (as the server decided: shared isCovered). */
  covered: boolean[][];
  /** First summary column (SUMMARY_HEADERS). */
  summaryCol: number;
  /** Columns shown with one decimal. */
  decimalCols: number[];
  /** Indent level per data row. */
  depths: number[];
}

export const TABLE_TITLE = 'BẢNG THEO DÕI THỰC HIỆN KẾ HOẠCH TUYÊN TRUYỀN';
/** The figures of each unit, named as the pages name them (the subtree columns empty for a unit without sub-units). */
export const SUMMARY_HEADERS = [
  'Số bài',
  L.unitScore,
  L.unitCovered,
  L.active,
  L.subtreeScoreColumn,
  L.subtreeUnitsColumn,
  L.subtreeCovered,
  L.subtreeActive,
  L.provinceRank,
  L.scopeRank,
];
/** Offsets in SUMMARY_HEADERS of the columns shown with one decimal (the two scores). */
const DECIMAL_OFFSETS = [1, 4];
const HEADER_ROWS = 6;

/** Hierarchical numbers "1", "1.1", "1.2", "2" from parent links (a unit whose parent is not listed starts a new top level). */
export function outlineNumbers(units: Pick<CoverageUnit, 'id' | 'parentId'>[]): string[] {
  const numberOf = new Map<string, string>();
  const childCount = new Map<string, number>();
  let top = 0;
  return units.map((u) => {
    const parent = u.parentId !== null ? numberOf.get(u.parentId) : undefined;
    let n: string;
    if (parent === undefined) n = String(++top);
    else {
      const k = (childCount.get(u.parentId!) ?? 0) + 1;
      childCount.set(u.parentId!, k);
      n = `${parent}.${k}`;
    }
    numberOf.set(u.id, n);
    return n;
  });
}

export function periodLine(data: Pick<ExportData, 'period' | 'scopeLabel'>): string {
  const p = data.period;
  const span = p.kind === 'range' ? '' : ` (${viDate(p.from)} – ${viDate(p.to)})`;
  return `Kỳ: ${p.label}${span} · Phạm vi: ${data.scopeLabel}`;
}

export function planLine(plan: ExportData['plan']): string {
  return `Kế hoạch: ${plan.code ? `${plan.code} — ` : ''}${plan.title}`;
}

export function buildTable(data: Pick<ExportData, 'plan' | 'period' | 'scopeLabel' | 'themes' | 'units'>): TableGrid {
  const { themes, units } = data;
  const summaryCol = 2 + 2 * themes.length;
  const width = summaryCol + SUMMARY_HEADERS.length;
  const blank = (): Cell[] => new Array<Cell>(width).fill(null);
  const merges: Merge[] = [];
  const rows: Cell[][] = [];
  const last = width - 1;

  for (const text of [TABLE_TITLE, planLine(data.plan), periodLine(data)]) {
    const r = blank();
    r[0] = text;
    merges.push({ top: rows.length, left: 0, bottom: rows.length, right: last });
    rows.push(r);
  }
  const [h1, h2, h3] = [blank(), blank(), blank()];
  h1[0] = 'STT';
  h1[1] = 'Đơn vị';
  merges.push({ top: 3, left: 0, bottom: 5, right: 0 }, { top: 3, left: 1, bottom: 5, right: 1 });
  themes.forEach((t, i) => {
    const col = 2 + 2 * i;
    if (i === 0 || themes[i - 1]!.phaseLabel !== t.phaseLabel) {
      let end = i;
      while (end + 1 < themes.length && themes[end + 1]!.phaseLabel === t.phaseLabel) end++;
      h1[col] = t.phaseLabel;
      merges.push({ top: 3, left: col, bottom: 3, right: 3 + 2 * end });
    }
    h2[col] = t.class === 'core' ? `${t.title} (trọng tâm)` : t.title;
    merges.push({ top: 4, left: col, bottom: 4, right: col + 1 });
    h3[col] = 'Tự viết';
    h3[col + 1] = 'Đăng lại';
  });
  h1[summaryCol] = 'Tổng hợp';
  merges.push({ top: 3, left: summaryCol, bottom: 3, right: last });
  SUMMARY_HEADERS.forEach((h, i) => {
    h2[summaryCol + i] = h;
    merges.push({ top: 4, left: summaryCol + i, bottom: 5, right: summaryCol + i });
  });
  rows.push(h1, h2, h3);

  const outline = outlineNumbers(units);
  const totals = new Array<number>(2 * themes.length).fill(0);
  let postTotal = 0;
  units.forEach((u, i) => {
    const r = blank();
    r[0] = outline[i]!;
    r[1] = u.name;
    u.counts.forEach((c, j) => {
      r[2 + 2 * j] = c.own;
      r[3 + 2 * j] = c.repost;
      totals[2 * j]! += c.own;
      totals[2 * j + 1]! += c.repost;
    });
    const f = u.figures;
    const sub = f?.subtree ?? null;
    const summary: Cell[] = [
      u.postCount,
      f?.score ?? u.score,
      f?.covered ?? u.coveredCount,
      f?.active ?? u.activeCount,
      sub?.score ?? null,
      sub?.units ?? null,
      sub?.covered ?? null,
      sub?.active ?? null,
      f?.rank.province ?? null,
      f?.rank.scope ?? null,
    ];
    summary.forEach((v, k) => (r[summaryCol + k] = v));
    postTotal += u.postCount;
    rows.push(r);
  });
  const t = blank();
  t[1] = units.length ? `Tổng cộng (${units.length} đơn vị; điểm: trung bình)` : 'Tổng cộng (không có đơn vị)';
  totals.forEach((n, j) => (t[2 + j] = n));
  t[summaryCol] = postTotal;
  t[summaryCol + 1] = subtreeScore(units.map((u) => u.figures?.score ?? u.score));
  const totalsRow = rows.length;
  rows.push(t);

  return {
    rows,
    width,
    merges,
    dataStart: HEADER_ROWS,
    totalsRow,
    themeCols: themes.map((_, i) => 2 + 2 * i),
    covered: units.map((u) => u.counts.map((c) => c.covered)),
    summaryCol,
    decimalCols: DECIMAL_OFFSETS.map((k) => summaryCol + k),
    depths: units.map((u) => u.depth),
  };
}
