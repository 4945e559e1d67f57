// Document layout: header, title, preamble, Roman sections, tail ("Nơi nhận", signature).
import type { Line } from './lines';
import { isUpperHeading, parseNumbering } from './numbering';
import { fold } from './text-utils';

export type SectionKind = 'purpose' | 'content' | 'forms' | 'org' | 'time' | 'other';

export interface Section {
  heading: Line;
  title: string;
  kind: SectionKind;
  body: Line[];
}

export interface Layout {
  header: Line[];
  docType: { line: Line; kind: string; inlineTitle: string } | null;
  title: Line[];
  preamble: Line[];
  sections: Section[];
  /** Lines before the first section that are neither title nor preamble (no doc-type line found). */
  tail: Line[];
  /** "PHỤ LỤC …" after the signature: tables of tasks. */
  appendix: Line[];
}

const DOC_TYPE = /^(kế hoạch|hướng dẫn|chương trình hành động|chương trình|đề cương)\b\s*(.*)$/iu;
const PREAMBLE = /^(?:thực hiện|căn cứ|nhằm|để triển khai|triển khai)\s/iu;
const TAIL = /^(?:nơi nhận|t\/m\s|tm\.\s|k\/t\s|kt\.\s)/iu;

export function sectionKind(title: string): SectionKind {
  const f = fold(title);
  if (/to chuc thuc hien|phan cong|trach nhiem thuc hien/.test(f)) return 'org';
  if (/^(?:cac\s+)?(?:hinh thuc|phuong thuc|bien phap)/.test(f)) return 'forms';
  if (/^thoi gian(?: thuc hien| trien khai| tuyen truyen)?$/.test(f)) return 'time';
  if (/noi dung|lo trinh|chu de|thoi gian|trong tam/.test(f)) return 'content';
  if (/muc dich|yeu cau|muc tieu/.test(f)) return 'purpose';
  return 'other';
}

function isSectionLine(l: Line, promoted: boolean): boolean {
  const n = parseNumbering(l.text);
  if (n.kind === 'roman') return true;
  return promoted && n.kind === 'num' && n.rank === 1 && isUpperHeading(n.rest);
}

export function layout(lines: Line[]): Layout {
  const docIdx = lines.findIndex(
    (l, i) => i < 15 && DOC_TYPE.test(l.text) && (isUpperHeading(l.text.split(/\s+/).slice(0, 2).join(' ')) || /^(?:ke hoach|huong dan|chuong trinh(?: hanh dong)?)$/.test(fold(l.text))),
  );
  const promoted = !lines.some((l) => parseNumbering(l.text).kind === 'roman');
  // The body opens at the first section of a known kind, or one of tasks ("NHIỆM VỤ, GIẢI PHÁP": the content of a Chương trình).
  const opensBody = (t: string) => sectionKind(t) !== 'other' || /^(?:cac\s+)?(?:nhiem vu|giai phap)/.test(fold(t));
  const firstSec = lines.findIndex((l, i) => i > docIdx && isSectionLine(l, promoted) && opensBody(parseNumbering(l.text).rest));
  const bodyStart = firstSec < 0 ? lines.length : firstSec;
  let tailIdx = lines.findIndex((l, i) => i >= bodyStart && TAIL.test(l.text));
  if (tailIdx < 0) tailIdx = lines.length;
  const header = docIdx > 0 ? lines.slice(0, docIdx) : [];
  let docType: Layout['docType'] = null;
  if (docIdx >= 0) {
    const m = DOC_TYPE.exec(lines[docIdx]!.text)!;
    const kind = m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1).toLowerCase();
    docType = { line: lines[docIdx]!, kind, inlineTitle: m[2]!.trim() };
  }
  const between = lines.slice(docIdx + 1, bodyStart);
  const pre = between.findIndex((l) => PREAMBLE.test(l.text));
  const titleEnd = pre >= 0 ? pre : Math.min(between.length, docIdx >= 0 ? 3 : 0);
  const title = docIdx >= 0 ? between.slice(0, titleEnd) : [];
  const preamble = between.slice(docIdx >= 0 ? titleEnd : 0);
  const sections: Section[] = [];
  for (let i = bodyStart; i < tailIdx; i++) {
    const l = lines[i]!;
    if (isSectionLine(l, promoted)) {
      const t = parseNumbering(l.text).rest;
      sections.push({ heading: l, title: t, kind: sectionKind(t), body: [] });
    } else sections[sections.length - 1]?.body.push(l);
  }
  let appIdx = lines.findIndex((l, i) => i >= tailIdx && /^PHỤ LỤC\b/u.test(l.text));
  if (appIdx < 0) appIdx = lines.length;
  return { header, docType, title, preamble, sections, tail: lines.slice(tailIdx, appIdx), appendix: lines.slice(appIdx) };
}
