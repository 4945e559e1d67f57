import { viDate } from './period';
import { periodLine, planLine } from './table';
import type { ExportData } from './types';

/** The score definition as written in the README (Vietnamese), for the legend sheet. */
export const SCORE_DEFINITION = [
  'Số bài khớp: số bài của đơn vị trong kỳ được bộ phân loại (đã điều chỉnh theo quyết định của cán bộ) gán chủ đề; bài tự viết và bài đăng lại (gần trùng với bài đã đăng trước của đơn vị khác) được đếm riêng; minh chứng do người dùng gửi không tính vào điểm.',
  'Chủ đề đang áp dụng trong kỳ khi khung thời gian của giai đoạn chứa nó giao với kỳ; bài chỉ được tính trong những ngày thuộc giai đoạn.',
  'Chủ đề đã có bài khi số bài tự viết + đăng lại ≥ mức tối thiểu của chủ đề (mặc định 1).',
  'Điểm của đơn vị trong kỳ là tỷ lệ có trọng số của các chủ đề đang áp dụng đã có bài, thang 0–100; chủ đề trọng tâm hệ số 2, chủ đề khác hệ số 1. Với kỳ dài hơn một tháng (quý, năm, khoảng ngày), điểm tính theo cùng quy tắc trên tổng số bài của cả kỳ.',
  'Điểm cả cụm (TB n đơn vị): trung bình điểm đơn vị của đơn vị và các đơn vị trực thuộc (n đơn vị); lượt chủ đề có bài (cả cụm): tổng số chủ đề có bài của n đơn vị đó, trên tổng số chủ đề áp dụng của chúng.',
  'Xếp hạng theo điểm đơn vị, cao xuống thấp; các đơn vị bằng điểm cùng hạng. Hạng trong toàn tỉnh: trong mọi đơn vị được giao kế hoạch; hạng trong cụm: trong các đơn vị của phạm vi bản xuất.',
];

export const FILL_NOTE = 'Ô màu xanh: chủ đề đã có bài (đạt mức tối thiểu); ô màu cam: chủ đề chưa có bài.';

/** '23/11/2026 18:05 (GMT+7)' from an ISO instant. */
export function vietnamDateTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${viDate(d.slice(0, 10))} ${d.slice(11, 16)} (GMT+7)`;
}

export function classLabel(cls: string | null): string {
  return cls === 'core' ? 'Trọng tâm' : 'Thường';
}

export function phaseWindow(startsOn: string | null, endsOn: string | null): string {
  if (!startsOn && !endsOn) return 'Cả kế hoạch';
  return `${startsOn ? viDate(startsOn) : '…'} – ${endsOn ? viDate(endsOn) : '…'}`;
}

/** Key/value lines, then the active themes. */
export function legendRows(data: ExportData): { facts: [string, string][]; themeHeader: string[]; themes: (string | number)[][] } {
  const facts: [string, string][] = [
    ['Kế hoạch', planLine(data.plan).replace(/^Kế hoạch: /, '')],
    ['Mã kế hoạch (hệ thống)', data.plan.id],
    ['Kỳ báo cáo', periodLine(data).replace(/^Kỳ: /, '').replace(/ · Phạm vi: .*$/, '')],
    ['Từ ngày', viDate(data.period.from)],
    ['Đến ngày', viDate(data.period.to)],
    ['Phạm vi đơn vị', data.scopeLabel],
    ['Số đơn vị', String(data.units.length)],
    ['Số chủ đề đang áp dụng', String(data.themes.length)],
    ['Dữ liệu thu thập lúc', data.collectedAt ? vietnamDateTime(data.collectedAt) : 'Chưa có lần thu thập nào hoàn tất'],
    ['Thời điểm xuất', vietnamDateTime(data.generatedAt)],
    ...SCORE_DEFINITION.map((line, i): [string, string] => [i === 0 ? 'Cách tính điểm' : '', line]),
    ['Màu ô', FILL_NOTE],
  ];
  return {
    facts,
    themeHeader: ['STT', 'Giai đoạn', 'Thời gian giai đoạn', 'Chủ đề', 'Loại', 'Hệ số', 'Mức tối thiểu'],
    themes: data.themes.map((t, i) => [i + 1, t.phaseLabel, phaseWindow(t.startsOn, t.endsOn), t.title, classLabel(t.class), t.weight, t.minMatches]),
  };
}
