import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsedPlanSchema } from '../schema/plan';
import { NotAPlanError, parsePlan } from './index';

const messy = readFileSync(fileURLToPath(new URL('./testdata/messy.txt', import.meta.url)), 'utf8');

describe('parsePlan on a messy document', () => {
  const r = parsePlan(messy);
  if (!r.ok) throw r.error;
  const plan = r.plan;

  it('reads the header: number normalised, issue date, issuer, signer', () => {
    expect(plan.code).toBe('44-KH/ĐUS');
    expect(plan.issuedOn).toBe('2021-06-10');
    expect(plan.kind).toBe('Kế hoạch');
    expect(plan.title).toBe('Tuyên truyền kỷ niệm các ngày lễ lớn năm 2021');
    expect(plan.issuer).toBe('Ban Thường vụ Đảng ủy');
    expect(plan.signer).toBe('Trần Văn Minh');
    expect(plan.signerTitle).toBe('T/M BAN THƯỜNG VỤ - BÍ THƯ');
    expect(plan.implements).toEqual([
      { code: '12-KH/BTGTU', kind: 'Kế hoạch', date: '2021-03-02', issuer: 'Ban Tuyên giáo Tỉnh ủy', title: 'về tuyên truyền các ngày lễ lớn' },
    ]);
  });

  it('splits purposes and requirements despite "1.Mục đích" and "-Tuyên"', () => {
    expect(plan.purposes).toBe('- Tuyên truyền sâu rộng các ngày lễ lớn.');
    expect(plan.requirements).toBe('+ Bảo đảm thiết thực, hiệu quả.');
  });

  it('finds one phase for the year with core and regular themes; page break and footnote removed', () => {
    expect(plan.phases).toHaveLength(1);
    const [p] = plan.phases;
    expect(p!.startsOn).toBe('2021-01-01');
    expect(p!.endsOn).toBe('2021-12-31');
    expect(p!.themes.map((t) => [t.key, t.numbering, t.class])).toEqual([
      ['p1-t1', '1.1', 'core'],
      ['p1-t2', '1.2', 'core'],
      ['p1-t3', '*', 'regular'],
    ]);
    expect(p!.themes[0]!.text).toContain('“Mừng Đảng, mừng Xuân”.');
    expect(p!.themes[1]!.text).not.toContain('¹');
    expect(p!.themes[2]!.text).toBe('Gương người tốt, việc tốt trong cán bộ, đảng viên và nhân dân trên địa bàn huyện.');
    expect(p!.themes[1]!.keyphrases).toEqual(expect.arrayContaining(['Chỉ thị số 05-CT/TW']));
    expect(plan.footnotes).toEqual([{ mark: '¹', text: 'Theo Đề cương của Ban Tuyên giáo Trung ương.', line: 25 }]);
  });

  it('keeps a past anniversary out when the plan is issued after it', () => {
    expect(plan.anniversaries).toEqual([]);
  });

  it('reads forms, units, recipients; nothing left over', () => {
    expect(plan.forms.map((f) => f.kind)).toEqual(['press', 'visual']);
    expect(plan.responsibleUnits).toEqual([
      { name: 'Ban Tuyên giáo Đảng ủy', duties: 'hướng dẫn, theo dõi, đôn đốc.' },
      { name: 'Các chi bộ cơ sở', duties: 'tổ chức thực hiện Kế hoạch này.' },
    ]);
    expect(plan.recipients).toEqual(['Ban Tuyên giáo Tỉnh ủy (b/c)', 'Các chi bộ', 'Lưu VP']);
    expect(plan.notUnderstood).toEqual([]);
    expect(parsedPlanSchema.safeParse(plan).success).toBe(true);
  });
});

describe('parsePlan refuses what is not a plan', () => {
  it.each([
    ['', 'empty'],
    ['   \n\t\n', 'empty'],
    ['\u0000\u0001\u0002binary\u0003\u0004\ufffd\ufffd'.repeat(50), 'not-text'],
    [
      'Sáng 12/3, tại Hà Nội, Bộ Chính trị đã họp. Kế hoạch phát triển kinh tế năm 2022 được thảo luận.\nThời tiết hôm nay nắng đẹp, nhiệt độ 30 độ.',
      'not-a-plan',
    ],
  ])('%j → %s', (text, code) => {
    const r = parsePlan(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBeInstanceOf(NotAPlanError);
      expect(r.error.code).toBe(code);
      expect(r.error.message.length).toBeGreaterThan(10);
    }
  });
});

describe('parsePlan property: any text in, no exception out', () => {
  const planish = fc.array(
    fc.oneof(
      fc.constantFrom('KẾ HOẠCH', 'I. MỤC ĐÍCH, YÊU CẦU', 'II - NỘI DUNG', '1.1. Từ nay đến hết năm 2021:', '- ', '+ ', 'IV. TỔ CHỨC THỰC HIỆN', 'Nơi nhận:', '(1831 - 2021)', '¹', '**', '\t', 'Thực hiện Kế hoạch số 1-KH/TU', 'đến Đại hội', '2.', ':', '“'),
      fc.string(),
      fc.string({ unit: 'grapheme' }),
    ),
    { maxLength: 40 },
  );
  it('returns a schema-valid plan or a NotAPlanError', () => {
    fc.assert(
      fc.property(fc.oneof(planish.map((xs) => xs.join('\n')), fc.string({ unit: 'binary', maxLength: 400 })), (text) => {
        const r = parsePlan(text);
        if (r.ok) expect(parsedPlanSchema.safeParse(r.plan).success).toBe(true);
        else expect(r.error).toBeInstanceOf(NotAPlanError);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parsePlan on a layout variant', () => {
  const r = parsePlan(readFileSync(fileURLToPath(new URL('./testdata/variant.txt', import.meta.url)), 'utf8'));
  if (!r.ok) throw r.error;
  const plan = r.plan;
  it('reads a two-column header laid out with spaces', () => {
    expect(plan).toMatchObject({ code: '07-KH/HU', issuedOn: '2023-01-20', issuer: 'Ban Thường vụ Huyện ủy', signer: 'Đỗ Văn Tâm' });
    expect(plan.signerTitle).toBe('T/M BAN THƯỜNG VỤ - K/T BÍ THƯ - PHÓ BÍ THƯ');
    expect(plan.implements.map((d) => [d.kind, d.code, d.date])).toEqual([
      ['Chỉ thị', '27-CT/TW', '2019-01-10'],
      ['Hướng dẫn', '09-HD/BTGTU', '2023-01-05'],
    ]);
  });
  it('reads "Giai đoạn N: …" phases with lettered themes', () => {
    expect(plan.phases.map((p) => [p.label, p.startsOn, p.endsOn, p.themes.map((t) => t.numbering)])).toEqual([
      ['Giai đoạn 1: từ nay đến hết tháng 6/2023', '2023-01-20', '2023-06-30', ['a', 'b']],
      ['Giai đoạn 2: từ tháng 7/2023 đến hết năm 2023', '2023-07-01', '2023-12-31', ['a']],
    ]);
    expect(plan.phases[0]!.themes[1]!.keyphrases).toContain('không thể tham nhũng, không dám tham nhũng, không muốn tham nhũng');
  });
  it('keeps other sections as notes and units from bullets', () => {
    expect(plan.notes.map((n) => n.section)).toEqual(['Thời gian thực hiện', 'Kinh phí']);
    expect(plan.responsibleUnits.map((u) => u.name)).toEqual(['Ban Tuyên giáo Huyện ủy', 'Các chi, đảng bộ cơ sở']);
    expect(plan.recipients).toEqual(['Ban Tuyên giáo Tỉnh ủy (b/c)', 'Lưu VP']);
    expect(plan.notUnderstood).toEqual([]);
  });
});

describe('parsePlan with themes under "NHIỆM VỤ, GIẢI PHÁP" and units as paragraphs', () => {
  const text = [
    'KẾ HOẠCH',
    'tuyên truyền chuyển đổi số năm 2024',
    'Thực hiện Kế hoạch số 05-KH/TU ngày 02/01/2024 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Thành ủy ban hành Kế hoạch như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    'Nâng cao nhận thức về chuyển đổi số.',
    'II. NHIỆM VỤ, GIẢI PHÁP',
    '1. Tuyên truyền Nghị quyết số 52-NQ/TW về Cách mạng công nghiệp lần thứ tư.',
    '2. Tuyên truyền các mô hình "Chính quyền số", "Công dân số".',
    'III. TỔ CHỨC THỰC HIỆN',
    'Ban Tuyên giáo Thành ủy chủ trì, hướng dẫn và theo dõi việc thực hiện.',
    'Trung tâm Văn hóa - Thông tin thành phố tăng cường tuyên truyền trên hệ thống truyền thanh.',
    'Nơi nhận:',
    '- Ban Tuyên giáo Tỉnh ủy,',
    '- Lưu VP.',
  ].join('\n');
  it('reads them', () => {
    const r = parsePlan(text);
    if (!r.ok) throw r.error;
    expect(r.plan.phases).toHaveLength(1);
    expect(r.plan.phases[0]).toMatchObject({ label: 'Năm 2024', startsOn: '2024-01-01', endsOn: '2024-12-31' });
    expect(r.plan.phases[0]!.themes.map((t) => t.numbering)).toEqual(['1', '2']);
    expect(r.plan.phases[0]!.themes[0]!.keyphrases).toContain('Nghị quyết số 52-NQ/TW');
    expect(r.plan.responsibleUnits).toEqual([
      { name: 'Ban Tuyên giáo Thành ủy', duties: 'chủ trì, hướng dẫn và theo dõi việc thực hiện.' },
      { name: 'Trung tâm Văn hóa - Thông tin thành phố', duties: 'tăng cường tuyên truyền trên hệ thống truyền thanh.' },
    ]);
    expect(r.plan.notUnderstood).toEqual([]);
  });
});

describe('parsePlan on a single-anniversary plan with a separate THỜI GIAN section', () => {
  const r = parsePlan(readFileSync(fileURLToPath(new URL('./testdata/anniversary-plan.txt', import.meta.url)), 'utf8'));
  if (!r.ok) throw r.error;
  const plan = r.plan;
  it('dates the one phase from the THỜI GIAN section and finds the anniversary in the title', () => {
    expect(plan.phases.map((p) => [p.label, p.startsOn, p.endsOn, p.themes.length])).toEqual([['Từ tháng 3/2024 đến hết tháng 5/2024', '2024-03-01', '2024-05-31', 4]]);
    expect(plan.anniversaries).toEqual([{ event: 'Chiến thắng Điện Biên Phủ', date: '2024-05-07', precision: 'day', years: 70, originDate: '1954-05-07' }]);
    expect(plan.implements.map((d) => d.code)).toEqual(['120-HD/BTGTW', '150-KH/BTGTU']);
    expect(plan.responsibleUnits.map((u) => u.name)).toEqual(['Các chi, đảng bộ cơ sở', 'Đài Truyền thanh - Truyền hình huyện']);
    expect(plan).toMatchObject({ signer: 'Lò Văn Thắng', signerTitle: 'TRƯỞNG BAN', issuer: 'Ban Tuyên giáo Huyện ủy', notUnderstood: [] });
  });
});

describe('parsePlan with a sentence-case title line', () => {
  it('still finds the document type and title', () => {
    const r = parsePlan('Kế hoạch\ntuyên truyền năm 2023\nI. Mục đích, yêu cầu\nTuyên truyền.\nII. Nội dung tuyên truyền\n1. Kết quả thực hiện nhiệm vụ chính trị năm 2023.');
    if (!r.ok) throw r.error;
    expect([r.plan.kind, r.plan.title, r.plan.phases[0]?.label]).toEqual(['Kế hoạch', 'Tuyên truyền năm 2023', 'Năm 2023']);
  });
});

describe('parsePlan with phases given inline on bullets', () => {
  it('makes each "- <period>: <content>" a phase holding its content', () => {
    const r = parsePlan(
      [
        'KẾ HOẠCH',
        'tuyên truyền bầu cử',
        'Thực hiện Kế hoạch số 12-KH/TU ngày 01/3/2021 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:',
        'I. MỤC ĐÍCH, YÊU CẦU',
        'Tuyên truyền sâu rộng.',
        'II. NỘI DUNG TUYÊN TRUYỀN',
        '1. Các nhiệm vụ trọng tâm của huyện',
        '- Trước ngày bầu cử đại biểu Quốc hội khóa XV: tuyên truyền ý nghĩa cuộc bầu cử, quyền và nghĩa vụ của cử tri.',
        '- Sau bầu cử đại biểu Quốc hội khóa XV đến hết năm 2021: tuyên truyền kết quả cuộc bầu cử.',
      ].join('\n'),
    );
    if (!r.ok) throw r.error;
    expect(r.plan.phases.map((p) => [p.startsOn, p.endsOn, p.themes.map((t) => [t.title, t.class])])).toEqual([
      ['2021-03-01', '2021-05-22', [['tuyên truyền ý nghĩa cuộc bầu cử, quyền và nghĩa vụ của cử tri', null]]],
      ['2021-05-24', '2021-12-31', [['tuyên truyền kết quả cuộc bầu cử', null]]],
    ]);
  });
});

describe('parsePlan header dates', () => {
  it.each([
    ['Kon Tum, ngày 15 tháng 6 năm 2021', '2021-06-15'],
    ['Kon Tum, ngày 15/6/2021', '2021-06-15'],
  ])('%s', (line, iso) => {
    const r = parsePlan(`TỈNH ỦY KON TUM\n${line}\nKẾ HOẠCH\ntuyên truyền\nI. MỤC ĐÍCH, YÊU CẦU\nTuyên truyền.\nII. NỘI DUNG\n1. Từ nay đến hết năm 2021:\n- Kết quả Đại hội XIII.`);
    if (!r.ok) throw r.error;
    expect([r.plan.issuedOn, r.plan.phases[0]?.startsOn, r.plan.phases[0]?.flags]).toEqual([iso, iso, []]);
  });
});
