import { describe, expect, it } from 'vitest';
import { cleanLine } from './clean';
import { prepareLines } from './lines';
import { parseNumbering } from './numbering';
import { findCode, normalizeCode } from './refs';

describe('cleanLine', () => {
  it.each([
    ['1.Mục đích', '1. Mục đích'],
    ['1.1.Trước và trong ngày bầu cử', '1.1. Trước và trong ngày bầu cử'],
    ['-Các hoạt động tuyên truyền', '- Các hoạt động tuyên truyền'],
    ['**T/M BAN THƯỜNG VỤ', 'T/M BAN THƯỜNG VỤ'],
    ['về *“lãnh đạo thực hiện”* ở các cấp', 'về “lãnh đạo thực hiện” ở các cấp'],
    ['[bookmark: _GoBack]3. Trang thông tin', '3. Trang thông tin'],
    ['của Đảng,Ban Thường vụ Đảng ủy Khốixây dựng', 'của Đảng, Ban Thường vụ Đảng ủy Khối xây dựng'],
    ['đại hội đảng các cấpnhiệm kỳ 2020 - 2025', 'đại hội đảng các cấp nhiệm kỳ 2020 - 2025'],
    ['chủ nghĩa Mác-Lênin, 1,5 triệu', 'chủ nghĩa Mác-Lênin, 1,5 triệu'],
    ['Ban Thường vụ Tỉnh uỷ, hoà bình', 'Ban Thường vụ Tỉnh ủy, hòa bình'],
    ['* Gương người tốt', '* Gương người tốt'],
    ['## II. NỘI DUNG', 'II. NỘI DUNG'],
  ])('%s', (raw, clean) => expect(cleanLine(raw).text).toBe(clean));

  it('takes footnote marks out of the text', () => {
    expect(cleanLine('hội nghị báo cáo viên¹, sinh hoạt chi bộ')).toEqual({ text: 'hội nghị báo cáo viên, sinh hoạt chi bộ', marks: ['¹'] });
  });
});

describe('parseNumbering', () => {
  it.each([
    ['I. MỤC ĐÍCH, YÊU CẦU', 'roman', 'I'],
    ['II - LỘ TRÌNH VÀ NỘI DUNG', 'roman', 'II'],
    ['IV- TỔ CHỨC THỰC HIỆN', 'roman', 'IV'],
    ['1.1 - Tuyên truyền “Niềm tin mới”', 'num', '1.1'],
    ['2.10. Việc nghiên cứu', 'num', '2.10'],
    ['1/ Mục đích', 'num', '1'],
    ['a) Nội dung', 'alpha', 'a'],
    ['+ Vận động cán bộ', 'bullet', '+'],
    ['– Trên báo chí', 'bullet', '–'],
    ['19/5/2021 là ngày', 'none', ''],
    ['80 năm thành lập', 'none', ''],
    ['Việc thực hiện', 'none', ''],
  ])('%s', (text, kind, label) => {
    const n = parseNumbering(text);
    expect([n.kind, n.label]).toEqual([kind, label]);
  });
});

describe('prepareLines', () => {
  it('mends a paragraph broken by a page, dropping the page number and keeping source lines', () => {
    const p = prepareLines('- Tuyên truyền sâu rộng về những thành tựu của đất nước trong năm qua, của\n\n– 2 –\n\ntỉnh và của ngành.\n- Mục khác.');
    expect(p.lines.map((l) => [l.text, l.src])).toEqual([
      ['- Tuyên truyền sâu rộng về những thành tựu của đất nước trong năm qua, của tỉnh và của ngành.', [1, 5]],
      ['- Mục khác.', [6]],
    ]);
    expect(p.artefacts).toEqual([3]);
  });
});

describe('document codes', () => {
  it.each([
    ['Số: 44 -KH/ĐUS', '44-KH/ĐUS'],
    ['Kế hoạch số 20 - KH/TU ngày', '20-KH/TU'],
    ['Chương trình hành động số 03-CTr/TU', '03-CTr/TU'],
    ['Công văn số 123/UBND-VX', '123/UBND-VX'],
    ['Quyết định số 2437/QĐ-TTg ngày 12/12/2024', '2437/QĐ-TTg'],
    ['Nghị quyết số 01/NQ-CP ngày 08/01/2025', '01/NQ-CP'],
    ['Thông tư số 12/2024/TT-BTTTT', '12/2024/TT-BTTTT'],
    ['Chỉ thị số 05/CT-UBND', '05/CT-UBND'],
    ['Số: 0124/KH-UBND', '0124/KH-UBND'],
    ['Kế hoạch số 0124-KH/TU', '0124-KH/TU'],
  ])('%s', (text, code) => expect(findCode(text)).toBe(code));
  it('normalises spacing', () => expect(normalizeCode('124 - HD / BTGTU')).toBe('124-HD/BTGTU'));
});
