// Numbering of a line: Roman sections, "1.", "1.1 -", "a)", bullets.

export type NumKind = 'roman' | 'num' | 'alpha' | 'bullet' | 'none';

export interface Numbering {
  kind: NumKind;
  /** "II", "1.2", "a", "-" … ; "" for none. */
  label: string;
  /** Outline rank: smaller is higher (roman 0, "1." 1, "1.1." 2, "a)" 5, bullets 10+, paragraph 10). */
  rank: number;
  rest: string;
}

const ROMAN = /^((?:X{0,2})(?:IX|IV|V?I{0,3}))\s*(?:\.|-|–|:|\))\s*(\S.*)$/u;
const NUM = /^(\d{1,2}(?:\.\d{1,2}){0,3})(?:\s*[.)]\s*|\s*\/\s*(?=\p{L})|\s*[-–:]\s+|\s*\.?\s+(?=\p{Lu}|["“(]))(\S.*)$/u;
const ALPHA = /^([a-zđ])\s*[).]\s+(\S.*)$/u;
const BULLET = /^([-–—+*•●○▪■◦·➢►✓]+)\s*(\S.*)$/u;
const BULLET_RANK: Record<string, number> = { '-': 10, '–': 10, '—': 10, '+': 11, '*': 12, '•': 12, '●': 12, '○': 13, '▪': 13, '■': 13, '◦': 13, '·': 12, '➢': 11, '►': 11, '✓': 12 };

export function isUpperHeading(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

export function parseNumbering(text: string): Numbering {
  let m = ROMAN.exec(text);
  if (m && m[1] && (isUpperHeading(m[2]!) || /^[.\-–]/.test(text.slice(m[1].length).trim()))) {
    return { kind: 'roman', label: m[1], rank: 0, rest: m[2]!.trim() };
  }
  m = NUM.exec(text);
  if (m && !/^\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}/.test(text) && !/^\d+(?:\.\d+)?\s*(?:%|năm|tháng|ngày)/u.test(text)) {
    const depth = m[1]!.split('.').length;
    return { kind: 'num', label: m[1]!, rank: depth, rest: m[2]!.trim() };
  }
  m = ALPHA.exec(text);
  if (m) return { kind: 'alpha', label: m[1]!, rank: 5, rest: m[2]!.trim() };
  m = BULLET.exec(text);
  if (m) {
    const ch = [...m[1]!][0]!;
    return { kind: 'bullet', label: ch, rank: BULLET_RANK[ch] ?? 12, rest: m[2]!.trim() };
  }
  return { kind: 'none', label: '', rank: 10, rest: text.trim() };
}
