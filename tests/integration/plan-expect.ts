// What a careful reader finds in each of the four real plans (../shared/plans), as assertions.
// Shared by the .txt, .docx and CLI tests so every input path is held to the same reading.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ParsedPlan } from '@tdtt/shared';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// PLANS_DIR: a worktree outside the usual layout points at the real plans.
export const plansDir = process.env['PLANS_DIR'] ? path.resolve(process.env['PLANS_DIR']) : path.resolve(repoRoot, '../shared/plans');
export const havePlans = fs.existsSync(plansDir);
if (!havePlans) console.warn(`[plan tests] skipped: ${plansDir} not found (the real plans live outside the repository)`);

export const PLAN_FILES = {
  '000': '000_73272b8e0533c243.txt',
  '001': '001_0d2b1a4e14baf790.txt',
  '002': '002_4ebf497a8b60bb1d.txt',
  '004': '004_5970668a6ab19349.txt',
} as const;

export function readPlan(id: keyof typeof PLAN_FILES): string {
  return fs.readFileSync(path.join(plansDir, PLAN_FILES[id]), 'utf8');
}

const groupsOf = (themes: ParsedPlan['phases'][number]['themes']) => [...new Set(themes.map((t) => t.group))];
const kinds = (plan: ParsedPlan) => plan.forms.map((f) => f.kind);
const phaseDates = (plan: ParsedPlan) => plan.phases.map((p) => [p.startsOn, p.endsOn]);

function common(plan: ParsedPlan) {
  expect(plan.notUnderstood).toEqual([]);
  const keys = plan.phases.flatMap((p) => [p.key, ...p.themes.map((t) => t.key)]);
  expect(new Set(keys).size).toBe(keys.length);
  for (const p of plan.phases) for (const t of p.themes) {
    expect(t.title.length).toBeGreaterThan(5);
    expect(t.title.length).toBeLessThanOrEqual(121);
    expect(t.text.startsWith(t.title.replace(/…$/, ''))).toBe(true);
    expect(t.keyphrases.length).toBeGreaterThan(0);
  }
}

export const EXPECT: Record<keyof typeof PLAN_FILES, (plan: ParsedPlan) => void> = {
  '000': (plan) => {
    common(plan);
    expect(plan.kind).toBe('Kế hoạch');
    expect(plan.code).toBeNull();
    expect(plan.title).toBe('Đẩy mạnh công tác tuyên truyền sau Đại hội đại biểu toàn quốc lần thứ XIII của Đảng trên địa bàn tỉnh');
    expect(plan.issuer).toBe('Ban Thường vụ Tỉnh ủy');
    expect(plan.issuedOn).toBeNull();
    expect(plan.implements).toEqual([
      {
        code: '26-KH/BTGTW',
        kind: 'Kế hoạch',
        date: '2021-05-05',
        issuer: 'Ban Tuyên giáo Trung ương',
        title: 'về đẩy mạnh công tác tuyên truyền sau Đại hội đại biểu toàn quốc lần thứ XIII của Đảng',
      },
    ]);
    expect(plan.signer).toBe('Nguyễn Văn Hòa');
    expect(plan.signerTitle).toBe('T/M BAN THƯỜNG VỤ - PHÓ BÍ THƯ');
    expect(plan.purposes).toContain('khơi dậy khát vọng xây dựng tỉnh Kon Tum phát triển nhanh và bền vững');
    expect(plan.requirements).toContain('bám sát sự chỉ đạo, hướng dẫn của Trung ương');
    expect(plan.phases.map((p) => p.label)).toEqual(['Từ nay đến hết năm 2021', 'Năm 2022 và các năm tiếp theo']);
    expect(phaseDates(plan)).toEqual([['2021-05-05', '2021-12-31'], ['2022-01-01', null]]);
    expect(plan.phases[0]!.flags).toEqual(['start-from-parent-date']);
    expect(plan.flags.some((f) => f.field === 'phases[0].startsOn')).toBe(true);
    expect(plan.phases.map((p) => p.themes.length)).toEqual([8, 2]);
    const [t1, t2, , , , , t7, t8] = plan.phases[0]!.themes;
    expect(t1!.title).toMatch(/^Kết quả, thành công Đại hội XIII của Đảng/);
    expect(t2!.keyphrases).toContain('khơi dậy khát vọng phát triển đất nước phồn vinh, hạnh phúc');
    expect(t7!.title).toBe('Kết quả bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026');
    expect(t8!.keyphrases).toEqual(expect.arrayContaining(['Kết luận số 01-KL/TW', 'Chỉ thị số 05-CT/TW']));
    // The page break inside "bền … vững" is mended.
    expect(t8!.text).toContain('phát triển nhanh và bền vững"; những mô hình hay');
    expect(plan.phases[1]!.themes[1]!.keyphrases).toEqual(expect.arrayContaining(['lấy xây làm chính', 'lấy tích cực đẩy lùi tiêu cực']));
    expect(plan.phases.flatMap((p) => p.themes).every((t) => t.class === null && t.group === null)).toBe(true);
    expect(plan.anniversaries).toEqual([]);
    expect(kinds(plan)).toEqual(['press', 'oral', 'visual', 'arts', 'emulation', 'foreign']);
    expect(plan.forms[1]!.text).toContain('truyền, phổ biến, quán triệt'); // footnote between page halves removed
    expect(plan.footnotes.map((f) => f.text)).toEqual(['Theo hình thức kết nối trực tuyến từ Trung ương tới cơ sở.']);
    expect(plan.responsibleUnits.map((u) => u.name)).toEqual([
      'Các ban cán sự đảng, đảng đoàn, các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy; Ban Thường vụ Tỉnh đoàn',
      'Báo Kon Tum; Đài Phát thanh và Truyền hình tỉnh',
      'Ban Tuyên giáo Tỉnh ủy',
    ]);
    expect(plan.responsibleUnits[0]!.duties.split('\n')).toHaveLength(4);
    expect(plan.recipients).toHaveLength(9);
    expect(plan.recipients).toContain('Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy');
  },

  '001': (plan) => {
    common(plan);
    expect(plan.title).toBe('Đẩy mạnh công tác tuyên truyền sau Đại hội đại biểu toàn quốc lần thứ XIII của Đảng');
    expect(plan.issuer).toBe('Ban Thường vụ Đảng ủy Khối'); // "Khốixây dựng" unglued
    expect(plan.implements).toEqual([
      {
        code: '20-KH/TU',
        kind: 'Kế hoạch',
        date: '2021-05-19',
        issuer: 'Ban Thường vụ Tỉnh ủy',
        title: 'về đẩy mạnh công tác tuyên truyền sau Đại hội đại biểu toàn quốc lần thứ XIII của Đảng',
      },
    ]);
    expect(plan.signer).toBeNull();
    expect(plan.purposes).toMatch(/^- Tiếp tục tạo sự thống nhất/);
    expect(plan.requirements).toMatch(/^-\s?Các hoạt động tuyên truyền phải bám sát/);
    expect(plan.phases).toHaveLength(3);
    expect(plan.phases[0]!.label).toMatch(/^Trước và trong ngày bầu cử Đại biểu Quốc hội khóa XV/);
    expect(plan.phases[1]!.label).toMatch(/^Từ sau ngày bầu cử .* đến hết năm 2021$/);
    expect(plan.phases[2]!.label).toBe('Năm 2022 và các năm tiếp theo');
    // Election day 23/5/2021 from the named-event table; "from now" = the parent's date, flagged.
    expect(phaseDates(plan)).toEqual([['2021-05-19', '2021-05-23'], ['2021-05-24', '2021-12-31'], ['2022-01-01', null]]);
    expect(plan.phases.map((p) => p.flags)).toEqual([['start-from-parent-date'], [], []]);
    expect(plan.phases.map((p) => p.themes.length)).toEqual([6, 3, 3]);
    expect(plan.phases[0]!.themes[4]!.keyphrases).toContain('Chỉ thị số 05-CT/TW');
    expect(plan.phases[0]!.themes[5]!.keyphrases).toContain('Hướng dẫn số 03-HD/ĐUK');
    expect(plan.anniversaries).toEqual([
      { event: 'thành lập tỉnh', date: '2021', precision: 'year', years: 190, originDate: '1831' },
      { event: 'thành lập Đảng bộ tỉnh', date: '2021-07', precision: 'month', years: 80, originDate: '1941-07' },
      { event: 'tái lập tỉnh Hưng Yên', date: '2022-01-01', precision: 'day', years: 25, originDate: '1997-01-01' },
    ]);
    expect(kinds(plan)).toEqual(['press', 'oral', 'visual', 'arts', 'emulation']);
    expect(plan.forms[0]!.kinds).toContain('internet'); // "+" bullets under "Trên Internet, mạng xã hội:"
    expect(plan.responsibleUnits.map((u) => u.name)).toEqual([
      'Ban Tuyên giáo Đảng ủy Khối',
      'Cấp ủy cơ sở',
      'Trang thông tin điện tử Đảng ủy Khối',
      'Cấp ủy các cơ quan',
      'Đoàn Khối Cơ quan - Doanh nghiệp tỉnh',
    ]);
    expect(plan.responsibleUnits[3]!.duties).toMatch(/^Ban Tuyên giáo Tỉnh ủy, Mặt trận Tổ quốc/);
    expect(plan.recipients).toEqual(['Ban Tuyên giáo Tỉnh ủy (để b/c)', 'Các đồng chí UVBTV ĐUK', 'Các đảng bộ, chi bộ cơ sở', 'Đoàn Khối CQ - DN tỉnh', 'BTG ĐUK', 'Lưu VP']);
    expect(plan.notes.map((n) => n.text)).toEqual(['Căn cứ vào Kế hoạch này, các đảng bộ, chi bộ cơ sở triển khai thực hiện, đảm bảo chất lượng và hiệu quả.']);
  },

  '002': (plan) => {
    common(plan);
    expect(plan.code).toBe('10-KH/ĐUK');
    expect(plan.title).toBe('Tuyên truyền những chủ đề lớn, trọng tâm từ nay đến Đại hội đại biểu toàn quốc lần thứ XIV của Đảng');
    expect(plan.issuer).toBe('Ban Thường vụ Đảng ủy Khối cơ quan và doanh nghiệp tỉnh');
    expect(plan.implements).toEqual([
      {
        code: '124-HD/BTGTU',
        kind: 'Hướng dẫn',
        date: '2024-10-08',
        issuer: 'Ban Tuyên giáo Tỉnh ủy',
        title: 'về tuyên truyền những chủ đề lớn, trọng tâm từ nay đến Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
      },
    ]);
    expect(plan.signer).toBe('Bùi Quang Nhựt');
    expect(plan.purposes).toMatch(/^1\. Nâng cao nhận thức/);
    expect(plan.phases.map((p) => p.label)).toEqual([
      'Giai đoạn từ nay đến hết năm 2024',
      'Giai đoạn từ năm 2025 đến Đại hội XIV của Đảng',
      'Giai đoạn từ nay đến Đại hội lần thứ II Đảng bộ Khối cơ quan và doanh nghiệp tỉnh, Đại hội XXI Đảng bộ tỉnh',
    ]);
    expect(phaseDates(plan)).toEqual([['2024-10-08', '2024-12-31'], ['2025-01-01', '2026-01-19'], ['2024-10-08', null]]);
    expect(plan.phases[2]!.flags).toEqual([
      'start-from-parent-date',
      'unknown-event:Đại hội lần thứ II Đảng bộ Khối cơ quan và doanh nghiệp tỉnh',
      'unknown-event:Đại hội XXI Đảng bộ tỉnh',
    ]);
    const p1 = plan.phases[0]!.themes;
    expect(groupsOf(p1)).toEqual([
      '1.1 - Tuyên truyền “Niềm tin mới, khí thế mới”',
      '1.2 - Tuyên truyền “Cơ đồ, tiềm lực, vị thế, uy tín quốc tế đất nước sau 40 năm đổi mới”',
      '1.3 - Tuyên truyền “Thời cơ, thách thức và trách nhiệm lịch sử của Đảng đưa đất nước vươn mình trong kỷ nguyên mới”',
      '1.4 - Phân tích, lý giải một cách khoa học, thuyết phục những tư tưởng chỉ đạo mang tầm chiến lược được thông qua tại Hội nghị lần thứ mười Ban Chấp hành Trung ương Đảng khóa XIII',
    ]);
    expect(groupsOf(p1).map((g) => p1.filter((t) => t.group === g).length)).toEqual([3, 5, 3, 4]);
    expect(p1[3]!.keyphrases).toContain('Đất nước ta chưa bao giờ có được cơ đồ, tiềm lực, vị thế và uy tín quốc tế như ngày nay');
    expect(plan.phases.map((p) => p.themes.length)).toEqual([15, 3, 7]);
    expect(plan.phases[1]!.themes.every((t) => t.group === null)).toBe(true);
    expect(plan.anniversaries).toHaveLength(10);
    expect(plan.anniversaries[0]).toEqual({ event: 'Ngày thành lập Đảng Cộng sản Việt Nam', date: '2025-02-03', precision: 'day', years: 95, originDate: '1930-02-03' });
    expect(plan.anniversaries[9]).toEqual({ event: 'Ngày Tổng tuyển cử đầu tiên bầu Quốc hội Việt Nam', date: '2026-01-06', precision: 'day', years: 80, originDate: '1946-01-06' });
    expect(plan.anniversaries.map((a) => [a.date, a.years])).toEqual([
      ['2025-02-03', 95], ['2025-03-31', 50], ['2025-04-30', 50], ['2025-05-19', 135], ['2025-06-21', 100],
      ['2025-08-19', 80], ['2025-09-02', 80], ['2025-08-19', 80], ['2025-08-19', 20], ['2026-01-06', 80],
    ]);
    expect(plan.anniversaries[3]!.event).toBe('Ngày sinh Chủ tịch Hồ Chí Minh'); // across a page break
    // The 79th National Day (02/9/2024) is a past speech the text recalls, not a campaign date.
    expect(plan.anniversaries.some((a) => a.date === '2024-09-02')).toBe(false);
    expect(plan.forms).toHaveLength(1);
    expect(plan.forms[0]!.kinds).toEqual(expect.arrayContaining(['oral', 'internet', 'press', 'visual', 'arts', 'emulation']));
    expect(plan.responsibleUnits.map((u) => u.name)).toEqual([
      'Ban Tuyên giáo Đảng ủy Khối',
      'Ban Chỉ đạo 35 của Đảng ủy Khối',
      'Các cấp ủy chi, đảng bộ cơ sở và Ban Thường vụ Đoàn Khối',
      'Các cấp ủy tổ chức đảng các cơ quan, đơn vị báo chí, thông tin tuyên truyền trong Khối',
    ]);
    expect(plan.responsibleUnits[1]!.duties).toContain('Mocha 35');
    expect(plan.recipients).toHaveLength(6);
  },

  '004': (plan) => {
    common(plan);
    expect(plan.title).toBe('Thông tin, tuyên truyền về công tác xây dựng Đảng, xây dựng hệ thống chính trị năm 2022');
    expect(plan.issuer).toBe('Ban Thường vụ Tỉnh ủy'); // written "Tỉnh uỷ"
    expect(plan.implements).toEqual([
      {
        code: '58-KH/BTCTW',
        kind: 'Kế hoạch',
        date: '2022-02-28',
        issuer: 'Ban Tổ chức Trung ương',
        title: 'về thông tin, tuyên truyền về công tác xây dựng Đảng, xây dựng hệ thống chính trị năm 2022',
      },
    ]);
    expect(plan.signer).toBe('Hoàng Văn Nghiệm');
    expect(plan.signerTitle).toBe('T/M BAN THƯỜNG VỤ - PHÓ BÍ THƯ THƯỜNG TRỰC');
    expect(plan.purposes.split('\n').map((l) => l.slice(0, 2))).toEqual(['1.', '2.', '3.', '4.', '5.']);
    expect(plan.purposes).toContain('vừa phòng, chống dịch COVID-19'); // page break mended
    expect(plan.phases).toHaveLength(1);
    expect(plan.phases[0]).toMatchObject({ key: 'p1', label: 'Năm 2022', startsOn: '2022-01-01', endsOn: '2022-12-31', flags: [] });
    const themes = plan.phases[0]!.themes;
    expect(themes.filter((t) => t.class === 'core').map((t) => t.numbering)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5']);
    expect(themes.filter((t) => t.class === 'regular').map((t) => t.numbering)).toEqual(['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '2.10']);
    expect(themes.map((t) => t.key)).toEqual(themes.map((_, i) => `p1-t${i + 1}`));
    expect(themes[0]!.keyphrases).toContain('Kết luận số 21-KL/TW');
    expect(themes[3]!.keyphrases).toContain('Nghị quyết số 35-NQ/TW');
    expect(themes[4]!.keyphrases).toContain('Chỉ thị số 05-CT/TW');
    expect(themes[0]!.title).toBe('Việc thực hiện Kết luận số 21-KL/TW của Ban Chấp hành Trung ương khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ…');
    expect(plan.anniversaries).toEqual([]);
    expect(kinds(plan)).toEqual(['press', 'internet', 'contest', 'visual']);
    expect(plan.responsibleUnits.map((u) => u.name)).toEqual([
      'Ban Tổ chức Tỉnh ủy',
      'Ban Tuyên giáo Tỉnh ủy',
      'Ban cán sự đảng Ủy ban nhân dân tỉnh',
      'Mặt trận Tổ quốc, các tổ chức chính trị - xã hội tỉnh',
      'Các cơ quan báo chí của tỉnh',
    ]);
    expect(plan.responsibleUnits[0]!.duties).toContain('Giải Búa liềm vàng lần thứ VII - năm 2022');
    expect(plan.recipients).toHaveLength(10);
    expect(plan.notes).toHaveLength(2);
  },
};
