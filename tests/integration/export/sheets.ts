// Reading exports back: XLSX through exceljs, CSV through csv-parse, and what the coverage API implies.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { CoverageResponse } from '@tdtt/shared';
import { isCovered, scoreUnit } from '@tdtt/shared/score';

export type Grid = (string | number | null)[][];

export type ApiCoverage = CoverageResponse;

export async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  return wb;
}

/** A sheet's values; merged-away cells read as null, hyperlinks as their text. */
export function sheetGrid(ws: ExcelJS.Worksheet): Grid {
  const out: Grid = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: (string | number | null)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master.address !== cell.address) cells.push(null);
      else {
        const v = cell.value as unknown;
        if (v === null || v === undefined) cells.push(null);
        else if (typeof v === 'object' && v && 'hyperlink' in v) cells.push(String((v as unknown as { text: unknown }).text));
        else if (v instanceof Date) cells.push(v.toISOString().slice(0, 10));
        else cells.push(v as string | number);
      }
    }
    out[r - 1] = cells;
  });
  return out;
}

export function parseCsv(text: string, delimiter: ',' | ';' = ','): string[][] {
  return parse(text, { bom: true, relax_column_count: false, delimiter }) as string[][];
}

/** Competition ranking, computed here from the API's scores. */
export function competitionRanks(scores: number[]): number[] {
  return scores.map((s) => 1 + scores.filter((o) => o > s).length);
}

export function themeHeader(t: { title: string; class: string | null }): string {
  return t.class === 'core' ? `${t.title} (trọng tâm)` : t.title;
}

/**
 * What a longer period's table must hold, derived from the monthly coverage API responses:
 * themes active in any month (plan order), counts and post counts summed, score by the shared rules.
 */
export function combineMonths(monthly: ApiCoverage[], planOrder: string[], themeRules: Map<string, { class: string | null; minMatches: number }>): ApiCoverage {
  const themeIds = planOrder.filter((id) => monthly.some((m) => m.themes.some((t) => t.id === id)));
  const themes = themeIds.map((id) => monthly.flatMap((m) => m.themes).find((t) => t.id === id)!);
  const first = monthly[0]!;
  const units = first.units.map((u) => {
    const counts = themeIds.map((id) => {
      let own = 0;
      let repost = 0;
      for (const m of monthly) {
        const i = m.themes.findIndex((t) => t.id === id);
        const row = m.units.find((x) => x.id === u.id)!;
        if (i >= 0) {
          own += row.counts[i]!.own;
          repost += row.counts[i]!.repost;
        }
      }
      return { own, repost, covered: isCovered({ own, repost }, themeRules.get(id)!.minMatches) };
    });
    const postCount = monthly.reduce((a, m) => a + m.units.find((x) => x.id === u.id)!.postCount, 0);
    const s = scoreUnit(
      themeIds.map((id) => ({ id, class: themeRules.get(id)!.class, minMatches: themeRules.get(id)!.minMatches })),
      (id) => counts[themeIds.indexOf(id)],
    );
    return { ...u, counts, postCount, score: s.score, coveredCount: s.covered, activeCount: s.active };
  });
  return { ...first, themes, units };
}
