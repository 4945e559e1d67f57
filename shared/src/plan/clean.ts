// Cleaning of one raw line: artefacts of Word/PDF exports that must not reach the parser.
import { canonVi } from '../time/index';
import { isVietSyllable } from './syllable';

const SUPERSCRIPTS = '¹²³⁴⁵⁶⁷⁸⁹⁰';
export const FOOTNOTE_MARK = new RegExp(`[${SUPERSCRIPTS}]+`, 'gu');
const FOOTNOTE_LINE = new RegExp(`^\\s*(?:[${SUPERSCRIPTS}]+|\\[\\d{1,2}\\])\\s*(.+)$`, 'u');

/** "¹ Theo hình thức …" → the footnote text, else null. */
export function footnoteText(line: string): string | null {
  const m = FOOTNOTE_LINE.exec(line);
  return m ? m[1]!.trim() : null;
}

/** Page numbers, separators and lone stars: layout, not content. */
export function isArtefact(line: string): boolean {
  const t = line.trim();
  return (
    /^[-_=*.~•·—–]{2,}$/.test(t) ||
    /^[*]$/.test(t) ||
    /^[-–]?\s*\d{1,3}\s*[-–]?$/.test(t) ||
    /^(?:trang|page)\s+\d{1,3}(?:\s*\/\s*\d{1,3})?$/iu.test(t)
  );
}

/** Splits "Khốixây" → "Khối xây" when the glued token is not one syllable but two are. */
function splitGlued(token: string): string {
  if (token.length < 5 || /^[\x00-\x7f]*$/.test(token) || isVietSyllable(token)) return token;
  for (let i = 2; i <= token.length - 2; i++) {
    const a = token.slice(0, i);
    const b = token.slice(i);
    if (isVietSyllable(a) && isVietSyllable(b) && b[0] === b[0]!.toLowerCase() && /[^\x00-\x7f]/.test(b)) return `${a} ${b}`;
  }
  return token;
}

/** One raw line → cleaned text (no emphasis, bookmarks, footnote marks; spacing fixed). */
export function cleanLine(raw: string): { text: string; marks: string[] } {
  let s = canonVi(raw.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufeff\u200b]/g, ''));
  s = s.replace(/\[bookmark:[^\]]*\]/giu, '');
  s = s.replace(/\*\*|__/g, '');
  // Single-star emphasis around words or quotes, but a leading "* " bullet stays.
  s = s.replace(/([^\s*])\*(?=[\s,.;:)"”]|$)/gu, '$1').replace(/(^|[\s(])\*(?=[^\s*])/gu, '$1');
  s = s.replace(/^#{1,6}\s+/u, ''); // pasted Markdown headings
  const marks: string[] = [];
  if (!footnoteText(s)) s = s.replace(/(?<=[\p{L}\p{N}.,;:)"”’])[¹²³⁴⁵⁶⁷⁸⁹⁰]+/gu, (m) => (marks.push(m), ''));
  s = s.replace(/[\u00a0\u2000-\u200a\u202f\u3000]/g, ' ').replace(/ {2,}/g, ' ').trim();
  // "1.Mục đích" → "1. Mục đích"; "1.1.Trước" → "1.1. Trước"; "-Các" → "- Các".
  s = s.replace(/^((?:\d{1,2}\.)+)(?=\p{L})/u, '$1 ');
  s = s.replace(/^([IVXLC]{1,5})([.\-–])(?=\p{L})/u, '$1$2 ');
  s = s.replace(/^([-–+•])(?=\p{L})/u, '$1 ');
  // "Đảng,Ban" → "Đảng, Ban" (never inside numbers "1,5").
  s = s.replace(/([\p{L})”"])([,;])(?=\p{L})/gu, '$1$2 ');
  s = s.replace(/[\p{L}\p{M}]+/gu, splitGlued);
  return { text: s, marks };
}
