// Header block above "KẾ HOẠCH": issuing body, number, place and date.
import { parseDayDate } from '../time/index';
import type { Line } from './lines';
import { isUpperHeading } from './numbering';
import { findCode } from './refs';

export interface Header {
  code: string | null;
  issuedOn: string | null;
  issuerLines: string[];
}

const DATE_LINE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;

/** Quốc hiệu, Tiêu ngữ and the Party's name: layout of the header, wherever a layout put them. */
const MOTTOS = /cộng hòa xã hội chủ nghĩa việt nam|độc lập\s*[-–]\s*tự do\s*[-–]\s*hạnh phúc|đảng cộng sản việt nam/giu;

export function parseHeader(lines: Line[], used: Set<Line>): Header {
  let code: string | null = null;
  let issuedOn: string | null = null;
  const issuerLines: string[] = [];
  for (const l of lines) {
    // Two header columns read as one line ("ỦY BAN NHÂN DÂN TỈNH X CỘNG HÒA XÃ HỘI …"): the mottos go, the rest stays.
    const t = l.text.replace(MOTTOS, ' ').replace(/\s{2,}/g, ' ').trim();
    if (!t || /^[-–_\s]*$/.test(t)) {
      used.add(l);
      continue;
    }
    const d = DATE_LINE.exec(t);
    const dn = /ngày\s+(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})/iu.exec(t);
    const c = findCode(t);
    let took = false;
    if (!issuedOn && (d || dn) && t.length < 160) {
      issuedOn = d ? parseDayDate(`${d[1]}/${d[2]}/${d[3]}`) : parseDayDate(dn![1]!);
      took = true;
    }
    if (c && !code && (/^số\b/iu.test(t) || t.length < 40 || took)) {
      code = c;
      took = true;
    }
    if (took || /^số\b/iu.test(t)) {
      used.add(l);
      // "ỦY BAN NHÂN DÂN Số: 15/KH-UBND": capitals before the number name the issuer.
      const before = t.split(/\s*\bSố\b/u)[0]!.trim();
      if (before && before !== t && isUpperHeading(before)) issuerLines.push(before);
      continue;
    }
    if (isUpperHeading(t) && t.length < 100) {
      issuerLines.push(t);
      used.add(l);
    }
  }
  return { code, issuedOn, issuerLines };
}
