import { describe, expect, it } from 'vitest';
import { CSV_VN, csvField, csvTextField, toCsv, tableCsv } from './csv';
import { asciiFileName, contentDisposition, exportFileName } from './filename';
import { monthExportPeriod } from './period';
import { periodScores } from './period-scores';
import { unitFigures } from '@tdtt/shared/score';
import { buildTable, outlineNumbers } from './table';
import type { CoverageUnit, ExportTheme } from './types';

const theme = (id: string, phaseLabel: string, extra: Partial<ExportTheme> = {}): ExportTheme => ({
  id, title: `Chủ đề ${id}`, phaseLabel, class: null, startsOn: null, endsOn: null, minMatches: 1, weight: 1, ...extra,
});
const unit = (id: string, parentId: string | null, depth: number, score: number, counts: [number, number][]): CoverageUnit => ({
  id, name: `Đơn vị ${id}`, parentId, depth, score, previousScore: null, coveredCount: counts.filter(([o, r]) => o + r > 0).length, activeCount: counts.length, postCount: 3,
  counts: counts.map(([own, repost]) => ({ own, repost, covered: own + repost > 0 })), figures: null,
});
/** The units with the figures the server gives them (shared unitFigures). */
const withFigures = (units: CoverageUnit[]) => {
  const f = unitFigures(units.map((u) => ({ id: u.id, parentId: u.parentId, score: u.score, covered: u.coveredCount, active: u.activeCount })), null);
  return units.map((u) => ({ ...u, figures: f.get(u.id)! }));
};

describe('table layout', () => {
  it('numbers the outline from parent links', () => {
    expect(outlineNumbers([{ id: 'a', parentId: null }, { id: 'b', parentId: 'a' }, { id: 'c', parentId: 'b' }, { id: 'd', parentId: 'a' }, { id: 'e', parentId: 'x' }])).toEqual(['1', '1.1', '1.1.1', '1.2', '2']);
  });

  it('groups theme columns by phase, merges headers and adds a totals row', () => {
    const g = buildTable({
      plan: { id: 'p', code: '1-KH/TU', title: 'Kế hoạch thử' },
      period: monthExportPeriod('2025-03'),
      scopeLabel: 'Tất cả đơn vị',
      themes: [theme('a', 'GĐ 1'), theme('b', 'GĐ 1', { class: 'core' }), theme('c', 'GĐ 2')],
      units: withFigures([unit('u1', null, 0, 100, [[1, 0], [0, 2], [3, 0]]), unit('u2', 'u1', 1, 33.3, [[0, 0], [1, 0], [0, 0]])]),
    });
    expect(g.width).toBe(2 + 6 + 10);
    expect(g.rows[4]!.slice(8)).toEqual(['Số bài', 'Điểm đơn vị', 'Chủ đề có bài (đơn vị)', 'Chủ đề áp dụng', 'Điểm cả cụm', 'Số đơn vị trong cụm', 'Lượt chủ đề có bài (cả cụm)', 'Lượt chủ đề áp dụng (cả cụm)', 'Hạng trong toàn tỉnh', 'Hạng trong cụm']);
    expect(g.covered).toEqual([[true, true, true], [false, true, false]]);
    expect(g.rows[3]!.slice(0, 9)).toEqual(['STT', 'Đơn vị', 'GĐ 1', null, null, null, 'GĐ 2', null, 'Tổng hợp']);
    expect(g.rows[4]![4]).toBe('Chủ đề b (trọng tâm)');
    expect(g.merges).toContainEqual({ top: 3, left: 2, bottom: 3, right: 5 });
    expect(g.merges).toContainEqual({ top: 3, left: 6, bottom: 3, right: 7 });
    // u1 has a sub-unit: its subtree columns are filled (mean of 100 and 33.3, 4 of 6 pairs covered); u2 has none.
    expect(g.rows[6]!.slice(8)).toEqual([3, 100, 3, 3, 66.7, 2, 4, 6, 1, 1]);
    expect(g.rows[7]).toEqual(['1.1', 'Đơn vị u2', 0, 0, 1, 0, 0, 0, 3, 33.3, 1, 3, null, null, null, null, 2, 2]);
    expect(g.rows[g.totalsRow]!.slice(2)).toEqual([1, 0, 1, 2, 3, 0, 6, 66.7, null, null, null, null, null, null, null, null]);
    expect(g.depths).toEqual([0, 1]);
    const csv = tableCsv(g);
    expect(csv.startsWith('\uFEFFBẢNG THEO DÕI')).toBe(true);
    expect(csv).toContain('\r\n1.1,Đơn vị u2,0,0,1,0,0,0,3,33.3,1,3,,,,,2,2\r\n');
  });
});

describe('csv fields', () => {
  it.each([
    ['thường', 'thường'],
    ['có, dấu phẩy', '"có, dấu phẩy"'],
    ['Đài "Tiếng nói"', '"Đài ""Tiếng nói"""'],
    ['hai\ndòng', '"hai\ndòng"'],
    [' khoảng trắng', '" khoảng trắng"'],
  ])('%j → %s', (input, want) => expect(csvField(input)).toBe(want));

  it.each([
    ['=HYPERLINK("http://x","bấm")', `"'=HYPERLINK(""http://x"",""bấm"")"`],
    ['+84 912', `"'+84 912"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    ['\r=1', `"'\r=1"`],
    ['a=1', 'a=1'],
    ['Tin mới', 'Tin mới'],
  ])('text %j that a spreadsheet would run → %s', (input, want) => expect(csvTextField(input)).toBe(want));

  it('neutralises text cells only: negative numbers stay numbers', () => {
    expect(toCsv([['=1+1', -3, 2.5, null]], new Set([2]))).toBe(`\uFEFF"'=1+1",-3,2.5,\r\n`);
  });

  it('Vietnamese-Excel dialect: semicolons, decimal commas, quotes a text holding ";" but not ","', () => {
    expect(toCsv([['Đơn vị', 'Điểm'], ['A; B', 62.54], ['Sở, ban', -3.5]], new Set([1]), CSV_VN)).toBe(`\uFEFFĐơn vị;Điểm\r\n"A; B";62,5\r\nSở, ban;-3,5\r\n`);
  });
});

describe('file names', () => {
  it('keeps Vietnamese in filename*, ASCII in filename, no path separators', () => {
    const name = exportFileName({ plan: { id: 'p', code: '45-KH/ĐUK', title: 't' }, period: monthExportPeriod('2025-03') }, 'xlsx');
    expect(name).toBe('Bảng bao phủ - 45-KH-ĐUK - 2025-03.xlsx');
    expect(asciiFileName(name)).toBe('Bang_bao_phu_-_45-KH-DUK_-_2025-03.xlsx');
    expect(contentDisposition(name)).toBe(
      `attachment; filename="Bang_bao_phu_-_45-KH-DUK_-_2025-03.xlsx"; filename*=UTF-8''B%E1%BA%A3ng%20bao%20ph%E1%BB%A7%20-%2045-KH-%C4%90UK%20-%202025-03.xlsx`,
    );
  });
});

describe('period scores', () => {
  it('applies the monthly rules to summed counts (core weighs 2, minimum respected)', () => {
    const themes = [
      { id: 'a', class: 'core', min_matches: 1, weight: null, starts_on: null, ends_on: null },
      { id: 'b', class: null, min_matches: 2, weight: null, starts_on: null, ends_on: null },
    ];
    const s = periodScores(['u', 'v'], themes, [{ unit_id: 'u', theme_id: 'a', own: 0, repost: 1 }, { unit_id: 'v', theme_id: 'b', own: 1, repost: 1 }], [{ unit_id: 'u', n: 4 }]);
    expect(s.get('u')).toEqual({ score: 66.7, covered: 1, active: 2, post_count: 4 });
    expect(s.get('v')).toEqual({ score: 33.3, covered: 1, active: 2, post_count: 0 });
  });
});
