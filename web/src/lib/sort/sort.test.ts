import { describe, expect, it } from 'vitest';
import { compareValues, firstDirection, headerColumns, sortRows, sortValue, type SortValue } from './sort';

describe('sortValue', () => {
  const cases: [string, SortValue][] = [
    ['1.234,5', 1234.5],
    ['62,5', 62.5],
    ['100', 100],
    ['+5,2', 5.2],
    ['−3', -3],
    ['-3,5', -3.5],
    ['45%', 45],
    ['—', null],
    ['3/5', 0.6],
    ['0/0', null],
    ['62,5 (TB 4 đơn vị)', 62.5],
    ['', null],
    ['05/10/2026', 202610050000],
    ['05/10/2026 14:30', 202610051430],
    ['Tháng 3/2026', 202603],
    ['11/2025', 202511],
    ['Sở Giáo dục', 'Sở Giáo dục'],
    ['  Huyện   A ', 'Huyện A'],
  ];
  it.each(cases)('%j → %j', (text, want) => expect(sortValue(text)).toEqual(want));
});

describe('sortRows', () => {
  const names = ['Đoàn Thanh niên', 'Ủy ban', 'Ban Tuyên giáo', 'Sở Y tế', 'Sở 10', 'Sở 9'];
  it('orders Vietnamese names as a Vietnamese reader does (Đ after D, Ủ with U, 9 before 10)', () => {
    expect(sortRows(names, sortValue, 'asc')).toEqual(['Ban Tuyên giáo', 'Đoàn Thanh niên', 'Sở 9', 'Sở 10', 'Sở Y tế', 'Ủy ban']);
  });
  it('orders numbers by value, not as text, with "—" last both ways', () => {
    const scores = ['62,5', '—', '100', '9', '1.050'];
    expect(sortRows(scores, sortValue, 'desc')).toEqual(['1.050', '100', '62,5', '9', '—']);
    expect(sortRows(scores, sortValue, 'asc')).toEqual(['9', '62,5', '100', '1.050', '—']);
  });
  it('keeps ties in their order (stable) and orders dates by day', () => {
    const rows = [{ id: 'a', d: '02/01/2026' }, { id: 'b', d: '31/12/2025' }, { id: 'c', d: '02/01/2026' }];
    expect(sortRows(rows, (r) => sortValue(r.d), 'asc').map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(sortRows(rows, (r) => sortValue(r.d), 'desc').map((r) => r.id)).toEqual(['a', 'c', 'b']);
  });
  it('puts numbers before texts', () => expect(compareValues(3, 'x', 'asc')).toBeLessThan(0));
});

describe('firstDirection', () => {
  it('numbers largest first, texts A→Z', () => {
    expect(firstDirection([3, null, 5])).toBe('desc');
    expect(firstDirection(['a', 3])).toBe('asc');
    expect(firstDirection([null])).toBe('asc');
  });
});

describe('headerColumns', () => {
  it('places cells under rowspan and colspan as the browser does', () => {
    // | Đơn vị (rowspan 2) | Chủ đề này (colspan 2) | Tháng (colspan 2) |
    // |                    | Tự viết | Đăng lại      | Số bài | Điểm     |
    const c = (rowSpan: number, colSpan: number) => ({ rowSpan, colSpan });
    expect(headerColumns([[c(2, 1), c(1, 2), c(1, 2)], [c(1, 1), c(1, 1), c(1, 1), c(1, 1)]])).toEqual([
      [{ column: 0, single: true }, { column: 1, single: false }, { column: 3, single: false }],
      [{ column: 1, single: true }, { column: 2, single: true }, { column: 3, single: true }, { column: 4, single: true }],
    ]);
  });
});
