import { describe, expect, it } from 'vitest';
import { segmentText, spansFor } from './highlight';

const text = 'Đẩy mạnh chuyển đổi số trong cơ quan';

describe('segmentText', () => {
  const cases: { name: string; spans: { start: number; end: number; themeIds: string[] }[]; want: [string, string[]][] }[] = [
    { name: 'no spans', spans: [], want: [[text, []]] },
    {
      name: 'one span in the middle',
      spans: [{ start: 9, end: 22, themeIds: ['t1'] }],
      want: [
        ['Đẩy mạnh ', []],
        ['chuyển đổi số', ['t1']],
        [' trong cơ quan', []],
      ],
    },
    {
      name: 'overlapping spans of two themes',
      spans: [
        { start: 0, end: 15, themeIds: ['a'] },
        { start: 9, end: 22, themeIds: ['b'] },
      ],
      want: [
        ['Đẩy mạnh ', ['a']],
        ['chuyển', ['a', 'b']],
        [' đổi số', ['b']],
        [' trong cơ quan', []],
      ],
    },
    {
      name: 'adjacent spans of one theme merge',
      spans: [
        { start: 0, end: 3, themeIds: ['a'] },
        { start: 3, end: 8, themeIds: ['a'] },
      ],
      want: [
        ['Đẩy mạnh', ['a']],
        [' chuyển đổi số trong cơ quan', []],
      ],
    },
    {
      name: 'out-of-range and empty spans are clamped or dropped',
      spans: [
        { start: 29, end: 999, themeIds: ['x'] },
        { start: 5, end: 5, themeIds: ['y'] },
        { start: -4, end: 3, themeIds: ['z'] },
      ],
      want: [
        ['Đẩy', ['z']],
        [' mạnh chuyển đổi số trong ', []],
        ['cơ quan', ['x']],
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = segmentText(text, c.spans).map((s) => [s.text, [...s.themeIds].sort()]);
      expect(got).toEqual(c.want);
      // Nothing is lost or duplicated.
      expect(got.map((s) => s[0]).join('')).toBe(text);
    });
  }

  it('keeps markup as plain text (escaping is the renderer’s job, not removal)', () => {
    const html = '<script>alert(1)</script> chuyển đổi số';
    const segs = segmentText(html, [{ start: 26, end: 39, themeIds: ['t'] }]);
    expect(segs.map((s) => s.text)).toEqual(['<script>alert(1)</script> ', 'chuyển đổi số']);
  });
});

describe('spansFor', () => {
  it('keeps only the requested field', () => {
    const matches = [
      {
        themeId: 't1',
        evidence: [
          { field: 'title' as const, start: 0, end: 3 },
          { field: 'text' as const, start: 5, end: 9 },
        ],
      },
      { themeId: 't2', evidence: [{ field: 'text' as const, start: 1, end: 2 }] },
    ];
    expect(spansFor(matches, 'title')).toEqual([{ start: 0, end: 3, themeIds: ['t1'] }]);
    expect(spansFor(matches, 'text')).toEqual([
      { start: 5, end: 9, themeIds: ['t1'] },
      { start: 1, end: 2, themeIds: ['t2'] },
    ]);
  });
});
