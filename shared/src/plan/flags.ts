// Review flags: what a reviewer must check, in Vietnamese.
import type { ParsedPlan } from '../schema/plan';

const fmt = (iso: string | null): string => (iso ? iso.split('-').reverse().join('/') : '?');

export function buildFlags(plan: ParsedPlan, parentDate: string | null): ParsedPlan['flags'] {
  const out: ParsedPlan['flags'] = [];
  if (!plan.code) out.push({ field: 'code', message: 'Không tìm thấy số hiệu kế hoạch.' });
  if (!plan.issuedOn) out.push({ field: 'issuedOn', message: 'Văn bản không ghi ngày ban hành.' });
  if (plan.phases.length === 0) out.push({ field: 'phases', message: 'Không nhận ra giai đoạn và nội dung tuyên truyền nào.' });
  plan.phases.forEach((p, i) => {
    for (const f of p.flags) {
      const field = `phases[${i}]`;
      if (f === 'start-from-parent-date')
        out.push({ field: `${field}.startsOn`, message: `“Từ nay” được hiểu là ngày của văn bản cấp trên (${fmt(parentDate)}) vì kế hoạch không ghi ngày ban hành: cần kiểm tra.` });
      else if (f === 'start-unknown') out.push({ field: `${field}.startsOn`, message: 'Không xác định được ngày bắt đầu giai đoạn.' });
      else if (f === 'end-unknown') out.push({ field: `${field}.endsOn`, message: 'Không xác định được ngày kết thúc giai đoạn.' });
      else if (f === 'period-unknown') out.push({ field, message: 'Kế hoạch không nêu thời gian: cần nhập thời gian thực hiện.' });
      else if (f === 'end-before-start') out.push({ field: `${field}.endsOn`, message: 'Ngày kết thúc trước ngày bắt đầu: đã để trống.' });
      else if (f.startsWith('unknown-event:'))
        out.push({ field: `${field}.endsOn`, message: `Chưa biết ngày của sự kiện “${f.slice(14)}”: để trống, cần nhập vào bảng sự kiện.` });
    }
  });
  if (plan.notUnderstood.length > 0) out.push({ field: 'notUnderstood', message: `${plan.notUnderstood.length} dòng chưa được hiểu: cần xem lại.` });
  return out;
}
