// Plans in the shapes offices actually issue (issue 19), written for these tests, each with what a
// careful reader finds in it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsedPlanSchema } from '../schema/plan';
import { parsePlan } from './index';

const read = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
function parse(name: string) {
  const r = parsePlan(read(name));
  if (!r.ok) throw r.error;
  expect(parsedPlanSchema.safeParse(r.plan).success).toBe(true);
  return r.plan;
}

describe('a People’s Committee plan as a PDF gives its text (hard wraps, page headers, split headings)', () => {
  const plan = parse('ubnd-wrapped.txt');
  it('reads the header in two columns, the code with leading zero and the UBND issuer', () => {
    expect([plan.code, plan.kind, plan.issuedOn, plan.signer]).toEqual(['0124/KH-UBND', 'Kế hoạch', '2025-01-15', 'Nguyễn Văn An']);
    expect(plan.issuer).toBe('Ủy ban nhân dân tỉnh');
    expect(plan.title).toBe('Tuyên truyền kỷ niệm các ngày lễ lớn, sự kiện chính trị quan trọng của đất nước và của tỉnh năm 2025');
  });
  it('reads the "Căn cứ" bases: a Quyết định of the Prime Minister and a Nghị quyết of the Government, codes with lower-case letters', () => {
    expect(plan.implements.map((d) => [d.kind, d.code, d.date, d.issuer, d.title])).toEqual([
      ['Quyết định', '2437/QĐ-TTg', '2024-12-30', 'Thủ tướng Chính phủ', 'về việc phê duyệt Đề án tuyên truyền'],
      ['Nghị quyết', '01/NQ-CP', '2025-01-08', 'Chính phủ', 'về nhiệm vụ, giải pháp chủ yếu thực hiện kế hoạch phát triển kinh tế - xã hội'],
    ]);
  });
  it('joins "I. MỤC" / "ĐÍCH, YÊU CẦU", drops running headers and page numbers, reads a) … g) as themes', () => {
    expect(plan.purposes).toContain('truyền thống lịch sử vẻ vang của dân tộc.');
    expect(plan.phases).toHaveLength(1);
    const themes = plan.phases[0]!.themes;
    expect(themes.map((t) => t.numbering)).toEqual(['a', 'b', 'c', 'd', 'đ', 'e', 'g']);
    expect(themes[2]!.text).toBe('Tuyên truyền việc thực hiện Nghị quyết Đại hội XIII của Đảng, các chương trình, đề án phát triển kinh tế - xã hội của tỉnh.');
    expect(JSON.stringify(plan)).not.toContain('Kế hoạch số 0124/KH-UBND');
    expect(plan.notUnderstood).toEqual([]);
  });
  it('ends the window at a named event from the table, month precision start, and says so', () => {
    expect(plan.phases[0]).toMatchObject({ startsOn: '2025-10-01', endsOn: '2026-01-23', flags: [] });
    expect(plan.flags.map((f) => f.message)).toEqual([expect.stringMatching(/lấy theo bảng sự kiện: Đại hội đại biểu toàn quốc lần thứ XIV của Đảng \(19\/01\/2026 – 23\/01\/2026\)/)]);
  });
  it('finds the commemorations written inside content items, wrapped lines included', () => {
    expect(plan.anniversaries.map((a) => [a.event, a.date, a.years])).toEqual([
      ['Ngày thành lập Đảng Cộng sản Việt Nam', '2025-02-03', 95],
      ['Ngày giải phóng miền Nam, thống nhất đất nước', '2025-04-30', 50],
      ['Cách mạng tháng Tám', '2025-08-19', 80],
    ]);
  });
  it('reads the units of "Tổ chức thực hiện"', () => {
    expect(plan.responsibleUnits.map((u) => u.name)).toEqual(['Sở Văn hóa, Thể thao và Du lịch', 'Ủy ban nhân dân các huyện, thành phố']);
  });
});

describe('a Front plan with two dated windows and 1. / 1.1. / - / + numbering', () => {
  const plan = parse('mttq-two-windows.txt');
  it('reads issuer, code with two suffixes and the Hướng dẫn it implements', () => {
    expect([plan.code, plan.issuedOn, plan.signer]).toEqual(['45/KH-MTTQ-BTT', '2025-08-20', 'Trần Thị Bình']);
    expect(plan.implements.map((d) => [d.kind, d.code, d.date])).toEqual([['Hướng dẫn', '12/HD-MTTW-BTT', '2025-08-01']]);
  });
  it('makes one phase per window, each with the plan’s themes', () => {
    expect(plan.phases.map((p) => [p.label, p.startsOn, p.endsOn])).toEqual([
      ['Đợt cao điểm: từ ngày 01/9/2025 đến ngày 18/11/2025', '2025-09-01', '2025-11-18'],
      ['Tháng 12/2025: sơ kết, đánh giá kết quả', '2025-12-01', '2025-12-31'],
    ]);
    for (const p of plan.phases) {
      expect(p.themes.map((t) => [t.numbering, t.group])).toEqual([
        ['1.1', '1. Tuyên truyền truyền thống'],
        ['1.2', '1. Tuyên truyền truyền thống'],
        ['+', '- Phong trào “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”'],
        ['+', '- Phong trào “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”'],
        ['-', '2. Tuyên truyền các phong trào thi đua'],
      ]);
    }
    expect(new Set(plan.phases.flatMap((p) => p.themes.map((t) => t.key))).size).toBe(10);
    expect(plan.anniversaries.map((a) => [a.event, a.date])).toEqual([['Ngày truyền thống Mặt trận Tổ quốc Việt Nam', '2025-11-18']]);
  });
});

describe('a Party Chương trình hành động for "giai đoạn 2026–2030" with Roman sections "I-"', () => {
  const plan = parse('party-cth-2026.txt');
  it('reads kind, code, issuer and the whole-plan period as one phase', () => {
    expect([plan.kind, plan.code, plan.issuer, plan.issuedOn]).toEqual(['Chương trình hành động', '07-CTr/TU', 'Ban Thường vụ Tỉnh ủy', '2025-11-05']);
    expect(plan.phases.map((p) => [p.label, p.startsOn, p.endsOn, p.themes.length])).toEqual([['Giai đoạn 2026–2030', '2026-01-01', '2030-12-31', 3]]);
    expect(plan.notUnderstood).toEqual([]);
  });
});

describe('a Party Hướng dẫn whose themes are rows of an appendix table', () => {
  const plan = parse('party-appendix.txt');
  it('reads kind, code and signer', () => {
    expect([plan.kind, plan.code, plan.issuedOn, plan.signer]).toEqual(['Hướng dẫn', '15-HD/BTGHU', '2025-03-10', 'Phạm Thị Dung']);
  });
  it('makes a theme of every row, in the phase its time cell names (a start before the issue date kept, month precision)', () => {
    expect(plan.phases.map((p) => [p.label, p.startsOn, p.endsOn, p.themes.map((t) => t.numbering)])).toEqual([
      ['Tháng 01/2025 - 02/2025', '2025-01-01', '2025-02-28', ['1']],
      ['Quý II/2025', '2025-04-01', '2025-06-30', ['2', '3']],
      ['Tháng 12/2025', '2025-12-01', '2025-12-31', ['4']],
    ]);
    expect(plan.phases[1]!.themes[1]).toMatchObject({ text: 'Tuyên truyền công tác chuyển đổi số trong các cơ quan', group: 'NỘI DUNG TUYÊN TRUYỀN TRỌNG TÂM NĂM 2025' });
    expect(plan.notes.map((n) => n.text)).toContain('Nội dung và thời gian cụ thể theo Phụ lục kèm theo Hướng dẫn này.');
    expect(plan.notUnderstood).toEqual([]);
  });
});
