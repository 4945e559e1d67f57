// "TỔ CHỨC THỰC HIỆN" → responsible units and duties; "Nơi nhận" → recipients; signature block.
import type { Line } from './lines';
import { isUpperHeading, parseNumbering } from './numbering';
import { subtreeLines, type Node } from './outline';
import { stripEndPunct } from './text-utils';

export interface ResponsibleUnit {
  name: string;
  duties: string;
}

const DUTY_VERB =
  /\s(?=(?:tham mưu|chủ trì|phối hợp|tổ chức(?! đảng| cơ sở| chính trị)|xây dựng(?! Đảng)|tích cực|chỉ đạo|theo dõi|có trách nhiệm|căn cứ|triển khai|thực hiện|hướng dẫn|bám sát|đăng tải|chủ động|tăng cường|định hướng|giúp|cụ thể hóa|phát huy|lãnh đạo)[\s,])/u;

function splitNameDuties(raw: string): { name: string; duties: string } {
  const stripped = raw.replace(/^(?:đề nghị|giao|giao cho|yêu cầu)\s+/iu, '');
  const text = stripped.charAt(0).toUpperCase() + stripped.slice(1);
  const colon = text.indexOf(':');
  if (colon > 0 && colon <= 200) return { name: stripEndPunct(text.slice(0, colon)), duties: text.slice(colon + 1).trim() };
  const m = DUTY_VERB.exec(text);
  if (m && m.index >= 6 && m.index <= 200) return { name: stripEndPunct(text.slice(0, m.index)), duties: text.slice(m.index + 1).trim() };
  return { name: stripEndPunct(text), duties: '' };
}

/** How a paragraph naming a unit begins ("Ban Tuyên giáo …", "Các chi bộ …", "Đài Phát thanh …"). */
const UNIT_START = /^(?:Ban|Các|Đảng ủy|Đảng đoàn|Huyện ủy|Thành ủy|Thị ủy|Quận ủy|Tỉnh ủy|Cấp ủy|Chi bộ|Chi,|Sở|Mặt trận|Đoàn|Hội|Báo|Đài|Trung tâm|Văn phòng|Ủy ban|UBND|Phòng|Cơ quan|Trang thông tin|Cổng thông tin)\s/u;

/** Closing instructions addressed to everyone, not to the unit above them. */
const GENERAL = /^(?:căn cứ|đề nghị|yêu cầu|trong quá trình|\(|kế hoạch này|ban thường vụ .* yêu cầu)/iu;

export function parseUnits(nodes: Node[], used: Set<Line>, notes: string[]): ResponsibleUnit[] {
  const out: ResponsibleUnit[] = [];
  for (const n of nodes) {
    const general = n.children.filter((c) => c.num.kind === 'none' && c.children.length === 0 && GENERAL.test(c.num.rest));
    for (const g of general) {
      notes.push(g.num.rest);
      used.add(g.line);
    }
    const childText = n.children.filter((c) => !general.includes(c)).flatMap(subtreeLines).map((l) => l.text).join('\n');
    if (n.num.kind === 'none' && n.children.length === 0) {
      const split = UNIT_START.test(n.num.rest) ? splitNameDuties(n.num.rest) : null;
      if (GENERAL.test(n.num.rest)) notes.push(n.num.rest);
      else if (split && split.duties) out.push(split);
      else if (out.length > 0) {
        // A paragraph continuing the previous unit's duties ("Phát huy hiệu quả …").
        const last = out[out.length - 1]!;
        last.duties = [last.duties, n.num.rest].filter(Boolean).join('\n');
      } else notes.push(n.num.rest);
      used.add(n.line);
      continue;
    }
    const { name, duties } = n.children.length > 0 && !n.num.rest.includes(':') && n.num.rest.length < 200 ? { name: stripEndPunct(n.num.rest), duties: '' } : splitNameDuties(n.num.rest);
    out.push({ name, duties: [duties, childText].filter(Boolean).join('\n') });
    for (const l of subtreeLines(n)) used.add(l);
  }
  return out;
}

export interface Tail {
  recipients: string[];
  signer: string | null;
  signerTitle: string | null;
}

const TITLE_WORD = /(?<!\p{L})(?:T\/M|TM\.?|K\/T|KT\.?|BÍ THƯ|TRƯỞNG|PHÓ|CHỦ TỊCH|GIÁM ĐỐC|BAN THƯỜNG VỤ|THƯỜNG TRỰC|ỦY VIÊN)(?!\p{L})/u;

function looksLikeName(s: string): boolean {
  const words = s.trim().split(/\s+/);
  return words.length >= 2 && words.length <= 6 && !/\d/.test(s) && words.every((w) => /^\p{Lu}/u.test(w)) && !TITLE_WORD.test(s.toUpperCase()) && s.length <= 50;
}

/** Lines from "Nơi nhận" (or the signature) to the end. */
export function parseTail(lines: Line[], used: Set<Line>): Tail {
  const recipients: string[] = [];
  const titles: string[] = [];
  let signer: string | null = null;
  let inRecipients = false;
  for (const l of lines) {
    const t = l.text.trim();
    if (/^nơi nhận\s*:?/iu.test(t)) {
      inRecipients = true;
      used.add(l);
      const inline = t.replace(/^nơi nhận\s*:?\s*/iu, '');
      if (inline) recipients.push(stripEndPunct(inline.replace(/^[-–+•]\s*/u, '')));
      continue;
    }
    const num = parseNumbering(t);
    if (inRecipients && num.kind === 'bullet') {
      recipients.push(stripEndPunct(num.rest));
      used.add(l);
      continue;
    }
    if (/^\(?(?:đã ký|đã kí|ký tên|kí tên|chữ ký)/iu.test(t)) {
      used.add(l);
      continue;
    }
    if (TITLE_WORD.test(t) && (isUpperHeading(t) || /^(?:T\/M|TM|K\/T|KT)\b/u.test(t))) {
      titles.push(t);
      used.add(l);
      continue;
    }
    if (looksLikeName(t)) {
      signer = t;
      used.add(l);
    }
  }
  return { recipients: recipients.filter(Boolean), signer, signerTitle: titles.length > 0 ? titles.join(' - ') : null };
}
