import { describe, expect, it } from 'vitest';
import { buildSnippet, findMarks } from './snippet';
import { foldedLine, foldedTokens, parseQuery } from './tokens';

describe('parseQuery', () => {
  it.each([
    ['chuyển đổi số', ['chuyen', 'doi', 'so'], [], ['chuyen', 'doi', 'so']],
    ['CHUYEN doi SỐ', ['chuyen', 'doi', 'so'], [], ['chuyen', 'doi', 'so']],
    ['"chuyển đổi số" Đảng', ['chuyen', 'doi', 'so', 'dang'], [['chuyen', 'doi', 'so']], ['chuyen', 'doi', 'so', 'dang']],
    ['“hoà bình”', ['hoa', 'binh'], [['hoa', 'binh']], ['hoa', 'binh']],
    ['số', ['so'], [], null],
    ['số số số', ['so'], [], ['so', 'so', 'so']],
    ['!!! ...', [], [], null],
  ])('%j', (q, words, phrases, soft) => {
    const p = parseQuery(q);
    expect(p.words).toEqual(words);
    expect(p.phrases).toEqual(phrases);
    expect(p.soft).toEqual(soft);
  });
});

describe('folding', () => {
  it('keeps offsets into the original text, NFD included', () => {
    const text = 'Hoà bình, CHUYỂN đổi số'.normalize('NFD');
    for (const t of foldedTokens(text)) expect(foldedTokens(text.slice(t.start, t.end))[0]!.term).toBe(t.term);
    expect(foldedTokens(text).map((t) => t.term)).toEqual(['hoa', 'binh', 'chuyen', 'doi', 'so']);
    expect(foldedLine('Đảng ủy  khối, số 5')).toEqual({ line: 'dang uy khoi so 5', count: 5 });
  });
});

describe('snippets', () => {
  const text = `${'Mở đầu dài dòng về nhiều việc khác. '.repeat(12)}Hội nghị bàn về chuyển đổi số ở địa phương. ${'Phần kết cũng dài. '.repeat(12)}`;

  it('centres on the phrase, cuts at syllable boundaries, marks inside the window', () => {
    const s = buildSnippet(text, ['chuyen', 'doi', 'so'], ['chuyen', 'doi', 'so'], 120);
    const window = text.slice(s.from, s.to);
    expect(window).toContain('chuyển đổi số');
    expect(s.to - s.from).toBeLessThanOrEqual(120);
    expect(/[\p{L}]/u.test(text[s.from - 1] ?? ' ') && /[\p{L}]/u.test(text[s.from]!)).toBe(false);
    expect(s.marks.map((m) => text.slice(m.start, m.end))).toEqual(['chuyển đổi số']);
  });

  it('joins adjacent query syllables across spaces and commas, not across other words', () => {
    const t = 'phòng, chống tham nhũng và chống lãng phí';
    const marks = findMarks(foldedTokens(t), new Set(['phong', 'chong', 'tham', 'nhung']));
    expect(marks.map((m) => t.slice(m.start, m.end))).toEqual(['phòng, chống tham nhũng', 'chống']);
  });

  it('without a match starts at the beginning', () => {
    expect(buildSnippet('Không có gì.', ['xyz'], null)).toEqual({ from: 0, to: 12, marks: [] });
  });
});
