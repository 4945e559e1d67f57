import { AlignmentType, Document, FootnoteReferenceRun, LevelFormat, Packer, Paragraph, TextRun, Tab } from 'docx';
import { describe, expect, it } from 'vitest';
import type { ParsedPlan } from '@tdtt/shared';
import { parsePlan } from '@tdtt/shared/plan';
import { importPlanDocument } from '@tdtt/server/plan-import';
import { EXPECT, PLAN_FILES, havePlans, readPlan } from './plan-expect';

/** The plan text saved as a Word document: one paragraph per line, tabs as real tabs. */
async function toDocx(text: string): Promise<Uint8Array> {
  const paragraphs = text.split('\n').map(
    (line) => new Paragraph({ children: line.split('\t').flatMap((part, i) => (i === 0 ? [new TextRun(part)] : [new TextRun({ children: [new Tab(), part] })])) }),
  );
  const doc = new Document({ sections: [{ children: paragraphs }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Line numbers differ between a .txt and a .docx of the same text; the structure must not. */
function withoutLineNumbers(plan: ParsedPlan) {
  return { ...plan, footnotes: plan.footnotes.map(({ mark, text }) => ({ mark, text })), notUnderstood: plan.notUnderstood.map((n) => n.text) };
}

describe.skipIf(!havePlans)('real plans saved as .docx import to the same structure', () => {
  for (const id of Object.keys(PLAN_FILES) as (keyof typeof PLAN_FILES)[]) {
    it(`plan ${id}.docx`, async () => {
      const text = readPlan(id);
      const r = await importPlanDocument(await toDocx(text), `${id}.docx`);
      if (!r.ok) throw new Error(r.message);
      expect(r.format).toBe('docx');
      EXPECT[id](r.plan);
      const fromText = parsePlan(text);
      if (!fromText.ok) throw fromText.error;
      expect(withoutLineNumbers(r.plan)).toEqual(withoutLineNumbers(fromText.plan));
    });
  }
});

/** A plan typed in Word with automatic numbering and bullets: the numbers are not in the text runs. */
async function autoNumberedDocx(): Promise<Uint8Array> {
  const P = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const num = (text: string, level: number) => new Paragraph({ children: [new TextRun(text)], numbering: { reference: 'plan', level } });
  const bullet = (text: string) => new Paragraph({ children: [new TextRun(text)], numbering: { reference: 'dash', level: 0 } });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'plan',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2.', alignment: AlignmentType.START },
          ],
        },
        { reference: 'dash', levels: [{ level: 0, format: LevelFormat.BULLET, text: '-', alignment: AlignmentType.START }] },
      ],
    },
    footnotes: { 1: { children: [P('Theo Đề cương của Ban Tuyên giáo Tỉnh ủy.')] } },
    sections: [
      {
        children: [
          P('Số 15-KH/HU'),
          P('Hòa Sơn, ngày 02 tháng 3 năm 2022'),
          P('KẾ HOẠCH'),
          P('tuyên truyền kỷ niệm các ngày lễ lớn năm 2022'),
          P('Thực hiện Kế hoạch số 33-KH/TU, ngày 15/02/2022 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:'),
          P('I. MỤC ĐÍCH, YÊU CẦU'),
          bullet('Tuyên truyền sâu rộng ý nghĩa các ngày lễ lớn.'),
          P('II. NỘI DUNG TUYÊN TRUYỀN'),
          num('Từ nay đến hết tháng 6/2022, tập trung tuyên truyền:', 0),
          bullet('Kỷ niệm 92 năm Ngày thành lập Đảng Cộng sản Việt Nam gắn với đón Tết.'),
          new Paragraph({ children: [new TextRun('Kỷ niệm 132 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2022)'), new FootnoteReferenceRun(1), new TextRun('.')], numbering: { reference: 'dash', level: 0 } }),
          num('Từ tháng 7/2022 đến hết năm 2022, tập trung tuyên truyền:', 0),
          num('Kỷ niệm 77 năm Cách mạng tháng Tám thành công và Quốc khánh 2/9.', 1),
          num('Kết quả thực hiện nhiệm vụ chính trị năm 2022.', 1),
          P('III. TỔ CHỨC THỰC HIỆN'),
          num('Ban Tuyên giáo Huyện ủy: hướng dẫn, theo dõi việc thực hiện.', 0),
          P('Nơi nhận:'),
          bullet('Ban Tuyên giáo Tỉnh ủy,'),
          bullet('Lưu VP.'),
          P('T/M BAN THƯỜNG VỤ'),
          P('BÍ THƯ'),
          P('Phạm Thị Lan'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('a Word document with automatic numbering', () => {
  it('keeps list numbers, bullets and footnotes that raw text would lose', async () => {
    const r = await importPlanDocument(await autoNumberedDocx(), 'ke-hoach.docx');
    if (!r.ok) throw new Error(r.message);
    const plan = r.plan;
    expect(plan).toMatchObject({ code: '15-KH/HU', issuedOn: '2022-03-02', issuer: 'Ban Thường vụ Huyện ủy', signer: 'Phạm Thị Lan', signerTitle: 'T/M BAN THƯỜNG VỤ - BÍ THƯ' });
    expect(plan.implements.map((d) => [d.code, d.date])).toEqual([['33-KH/TU', '2022-02-15']]);
    expect(plan.phases.map((p) => [p.label, p.startsOn, p.endsOn])).toEqual([
      ['Từ nay đến hết tháng 6/2022', '2022-03-02', '2022-06-30'],
      ['Từ tháng 7/2022 đến hết năm 2022', '2022-07-01', '2022-12-31'],
    ]);
    expect(plan.phases.map((p) => p.themes.map((t) => t.numbering))).toEqual([['-', '-'], ['2.1', '2.2']]);
    expect(plan.phases[0]!.themes[1]!.text).toBe('Kỷ niệm 132 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2022).');
    expect(plan.footnotes.map((f) => f.text)).toEqual(['Theo Đề cương của Ban Tuyên giáo Tỉnh ủy.']);
    expect(plan.anniversaries).toEqual([{ event: 'Ngày sinh Chủ tịch Hồ Chí Minh', date: '2022-05-19', precision: 'day', years: 132, originDate: '1890-05-19' }]);
    expect(plan.responsibleUnits).toEqual([{ name: 'Ban Tuyên giáo Huyện ủy', duties: 'hướng dẫn, theo dõi việc thực hiện.' }]);
    expect(plan.recipients).toEqual(['Ban Tuyên giáo Tỉnh ủy', 'Lưu VP']);
    expect(plan.notUnderstood).toEqual([]);
  });
});
