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

export function parseHeader(lines: Line[], used: Set<Line>): Header {
  let code: string | null = null;
  let issuedOn: string | null = null;
  const issuerLines: string[] = [];
  for (const l of lines) {
    const t = l.text;
    const d = DATE_LINE.exec(t);
    const dn = /ngày\s+(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})/iu.exec(t);
    if (!issuedOn && (d || dn) && t.length < 80 && !/^số\b/iu.test(t)) {
      issuedOn = d ? parseDayDate(`${d[1]}/${d[2]}/${d[3]}`) : parseDayDate(dn![1]!);
      used.add(l);
      continue;
    }
    if (/^số\b/iu.test(t) || (!code && findCode(t) && t.length < 40)) {
      code = code ?? findCode(t);
      used.add(l);
      continue;
    }
    if (/^đảng cộng sản việt nam$/iu.test(t) || /^độc lập\s*-\s*tự do/iu.test(t)) {
      used.add(l);
      continue;
    }
    if (isUpperHeading(t) && t.length < 100) {
      issuerLines.push(t);
      used.add(l);
    }
  }
  return { code, issuedOn, issuerLines };
}
