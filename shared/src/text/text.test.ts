import { describe, expect, it } from 'vitest';
import { canonicalPhrase, canonicalTokens, foldAccents, foldCase, normalizeVi, romanToInt, tokenizeSyllables } from './index';

describe('normalizeVi', () => {
  it.each([
    ['hoà bình', 'hòa bình'],
    ['Uỷ ban nhân dân', 'Ủy ban nhân dân'],
    ['thuỷ lợi', 'thủy lợi'],
    ['lọai bỏ', 'loại bỏ'],
    ['khoẻ mạnh', 'khỏe mạnh'],
    ['HOÀ BÌNH', 'HÒA BÌNH'],
    ['quí báu', 'quý báu'],
    ['kĩ thuật', 'kỹ thuật'],
    ['lí luận', 'lý luận'],
    ['hoàng hôn', 'hoàng hôn'],
    ['huỳnh', 'huỳnh'],
    ['người dân', 'người dân'],
    ['thi đua', 'thi đua'],
    ['giặc', 'giặc'],
    ['quốc gia', 'quốc gia'],
    ['tuyên truyền', 'tuyên truyền'],
    ['kinh tế – xã hội', 'kinh tế - xã hội'],
    ['“khát vọng”', '"khát vọng"'],
    ['a\u00A0\u00A0 b\n c', 'a b c'],
    ['ho\u0300a', 'hòa'], // NFD input
  ])('%s → %s', (input, expected) => {
    expect(normalizeVi(input)).toBe(expected);
  });
  it('is idempotent', () => {
    const s = 'Hoà thuỷ quí kĩ lọai – “x”';
    expect(normalizeVi(normalizeVi(s))).toBe(normalizeVi(s));
  });
});

describe('folding', () => {
  it.each([
    ['ĐẢNG', 'đảng'],
    ['Đại Hội', 'đại hội'],
  ])('foldCase %s', (a, b) => expect(foldCase(a)).toBe(b));
  it.each([
    ['chuyển đổi số', 'chuyen doi so'],
    ['Đảng', 'Dang'],
    ['Nghị quyết', 'Nghi quyet'],
  ])('foldAccents %s', (a, b) => expect(foldAccents(a)).toBe(b));
});

describe('tokenizeSyllables', () => {
  it('keeps offsets into the original string', () => {
    const s = 'Thứ Tư, 27/11/2024 — Uỷ ban “Đảng”';
    const toks = tokenizeSyllables(s);
    for (const t of toks) expect(s.slice(t.start, t.end)).toBe(t.raw);
    expect(toks.map((t) => t.norm)).toEqual(['thứ', 'tư', '27', '11', '2024', 'ủy', 'ban', 'đảng']);
  });
  it('offsets stay valid for NFD input', () => {
    const s = 'ho\u0300a bi\u0300nh';
    const toks = tokenizeSyllables(s);
    expect(toks.map((t) => t.norm)).toEqual(['hòa', 'bình']);
    expect(s.slice(toks[1]!.start, toks[1]!.end)).toBe('bi\u0300nh');
  });
});

describe('canonical equivalences', () => {
  it.each([
    ['Đại hội XIII', 'Đại hội 13'],
    ['Đại hội XIII', 'Đại hội đại biểu toàn quốc lần thứ XIII'],
    ['Đại hội XIII', 'Đại hội đại biểu toàn quốc lần thứ mười ba'],
    ['Đại hội XIV', 'Đại hội Đảng toàn quốc lần thứ 14'],
    ['Chỉ thị số 05-CT/TW', 'Chỉ thị 05 - CT/TW'],
    ['Chỉ thị số 05-CT/TW', 'chỉ thị 5-CT/TW'],
    ['Nghị quyết số 35-NQ/TW', 'NQ 35 - NQ/TW'],
    ['kinh tế - xã hội', 'KT-XH'],
    ['kinh tế-xã hội', 'kinh tế – xã hội'],
    ['đại biểu Quốc hội', 'ĐBQH'],
    ['Hội đồng nhân dân', 'HĐND'],
    ['Ủy ban nhân dân', 'UBND'],
    ['Mặt trận Tổ quốc', 'MTTQ'],
    ['Ban Chấp hành Trung ương', 'BCH TW'],
    ['phòng chống tham nhũng', 'PCTN'],
    ['chủ nghĩa xã hội', 'CNXH'],
    ['Đảng ủy Khối', 'ĐUK'],
    ['Ban Tuyên giáo', 'BTG'],
    ['khóa XV', 'khoá 15'],
    ['kỳ họp thứ nhất', 'kỳ họp thứ 1'],
    ['Đại hội XXI Đảng bộ tỉnh', 'Đại hội lần thứ hai mươi mốt Đảng bộ tỉnh'],
    ['Hồ Chí Minh', 'Bác Hồ'],
    ['Đại hội đại biểu Đảng bộ tỉnh lần thứ XXI', 'Đại hội Đảng bộ tỉnh lần thứ 21'],
    ['COVID-19', 'Covid'],
    ['Uỷ ban', 'ủy ban'],
  ])('%s = %s', (a, b) => {
    expect(canonicalPhrase(a)).toBe(canonicalPhrase(b));
  });
  it.each([
    ['xi măng', 'xi măng'], // lower-case "xi" is a word, not 11
    ['Công ty CT', 'công ty ct'], // doc-type abbreviation only before a number
    ['tu bổ', 'tu bổ'],
    ['năm 2025', 'năm 2025'],
  ])('%s stays %s', (a, b) => expect(canonicalPhrase(a)).toBe(b));
  it('expanded tokens point at the abbreviation', () => {
    const s = 'Kỳ họp HĐND tỉnh';
    const toks = canonicalTokens(s);
    const h = toks.filter((t) => t.t === 'hội' || t.t === 'đồng' || t.t === 'nhân' || t.t === 'dân');
    expect(h).toHaveLength(4);
    for (const t of h) expect(s.slice(t.start, t.end)).toBe('HĐND');
  });
  it('document code spans cover the code', () => {
    const s = 'Chỉ thị số 05 - CT/TW';
    const toks = canonicalTokens(s);
    expect(toks.map((t) => t.t)).toEqual(['chỉ', 'thị', '5', '#ct/tw']);
    expect(s.slice(toks[3]!.start, toks[3]!.end)).toBe('CT/TW');
  });
  it.each([
    ['XIII', 13],
    ['XIV', 14],
    ['XXI', 21],
    ['IIII', null],
    ['ABC', null],
  ])('romanToInt %s', (r, v) => expect(romanToInt(r)).toBe(v));
});
