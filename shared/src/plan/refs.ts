// Document references: codes ("44 -KH/ĐUS" → "44-KH/ĐUS"), kinds, dates, issuers.
import { parseDayDate } from '../time/index';
import type { DocRef } from '../schema/plan';

export const DOC_KINDS =
  'Kế hoạch|Hướng dẫn|Nghị quyết|Chỉ thị|Kết luận|Quyết định|Công văn|Thông báo|Quy định|Chương trình hành động|Chương trình|Đề án|Thông tri|Đề cương';
// Letters of either case after the first capital ("QĐ-TTg", "CTr/TU", "TT-BTTTT"); a year may sit
// between number and kind ("12/2024/TT-BTTTT"); leading zeros are kept ("0124-KH/TU").
const L = '[A-ZĐa-zđ0-9]';
export const CODE_RE = String.raw`\d{1,5}\s*-\s*[A-ZĐ][A-Za-zĐđ]{0,5}\s*\/\s*[A-ZĐ]${L}*(?:\s*-\s*[A-ZĐ]${L}*)*|\d{1,5}\s*\/\s*(?:\d{4}\s*\/\s*)?[A-ZĐ]${L}*(?:-[A-ZĐ0-9]${L}*)+`;
const DATE_RE = String.raw`\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}`;

/** "44 -KH/ĐUS" → "44-KH/ĐUS". */
export function normalizeCode(code: string): string {
  return code.replace(/\s+/g, '');
}

/** First document code written in a line ("Số: 44 -KH/ĐUS"). */
export function findCode(text: string): string | null {
  const m = new RegExp(`(?:^|[^\\d])(${CODE_RE})`, 'u').exec(text);
  return m ? normalizeCode(m[1]!) : null;
}

const REF = new RegExp(
  `(${DOC_KINDS})\\s+(?:số\\s*:?\\s*)?(${CODE_RE})(?:\\s*,?\\s*(?:ban hành\\s+)?ngày\\s+(${DATE_RE}))?(?:\\s*,?\\s*của\\s+([^,;"“(]+?)(?=\\s+về\\s|\\s*["“(,;]|$))?`,
  'gu',
);
/** ", Ban Thường vụ Tỉnh ủy ban hành Kế hoạch …": the issuer of the plan itself. */
const OWN_ISSUER =
  /(?:^|[,;]\s*)((?:Ban|Ủy ban|Đảng ủy|Đảng đoàn|Tỉnh ủy|Huyện ủy|Thành ủy|Quận ủy|Thị ủy|Chi bộ|Sở|Đoàn|Thường trực|Hội|Cấp ủy|Bộ)[^,;]*?)\s+(?:ban hành|xây dựng|triển khai|đề ra|thực hiện|hướng dẫn)\s/u;

export interface Preamble {
  refs: DocRef[];
  issuer: string | null;
}

function cleanTitle(s: string): string | null {
  const t = s.replace(/^["“\s]+|["”\s,;.]+$/gu, '').trim();
  return t.length > 0 ? t : null;
}

/** "Thực hiện Kế hoạch số 26-KH/BTGTW, ngày 05-5-2021 của Ban Tuyên giáo Trung ương "về …", Ban … ban hành …". */
export function parsePreamble(text: string): Preamble {
  const own = OWN_ISSUER.exec(text);
  const ownAt = own ? own.index : text.length;
  const refs: DocRef[] = [];
  const matches = [...text.matchAll(REF)].filter((m) => (m.index ?? 0) < ownAt);
  matches.forEach((m, i) => {
    const after = m.index! + m[0].length;
    const nextAt = Math.min(matches[i + 1]?.index ?? text.length, ownAt);
    let title: string | null = null;
    const tail = text.slice(after, nextAt);
    const q = /^\s*["“]([^"”]+)["”]/u.exec(tail);
    if (q) title = cleanTitle(q[1]!);
    else if (/^\s*về\s/u.test(tail)) title = cleanTitle(tail.split(/;|\s+Căn cứ\s/u)[0]!.replace(/\s*(?:;|,?\s*và)\s*$/u, ''));
    refs.push({
      code: normalizeCode(m[2]!),
      kind: m[1]!,
      date: m[3] ? parseDayDate(m[3]) : null,
      issuer: m[4] ? m[4].trim() : null,
      title,
    });
  });
  return { refs, issuer: own ? own[1]!.trim() : null };
}
