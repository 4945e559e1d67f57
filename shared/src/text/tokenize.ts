import { normalizeWord } from './normalize';

/** Facts about one raw token, computed once and memoised (tokens repeat a lot). */
export interface TokenInfo {
  /** normalizeWord + lower case: the form used for matching. */
  norm: string;
  /** internId(norm) */
  id: number;
  digits: boolean;
  /** has letters and all of them are upper case */
  upper: boolean;
  /** short upper-case word, a candidate part of a document code (CT, TW, BTGTU) */
  codePart: boolean;
}

/** A syllable (or number) with its [start, end) offsets in the ORIGINAL string. */
export interface Syllable {
  raw: string;
  norm: string;
  start: number;
  end: number;
  info: TokenInfo;
}

const CACHE_MAX = 200_000;
const interned = new Map<string, number>();
const LONG_NUMBER = /^\d{5,}$/;

/**
 * Process-wide small integer for a canonical token, so matchers index arrays instead of
 * hashing strings. Long numbers (amounts, phone numbers) share one id to bound the table.
 */
export function internId(t: string): number {
  let id = interned.get(t);
  if (id === undefined) {
    if (LONG_NUMBER.test(t)) return internId('#num');
    id = interned.size;
    interned.set(t, id);
  }
  return id;
}

/** Number of interned tokens so far (ids are 0 … internedCount() - 1). */
export function internedCount(): number {
  return interned.size;
}
const cache = new Map<string, TokenInfo>();
const LETTER = /[\p{L}\p{M}\p{N}]/u;
const CODE_PART = /^[A-ZĐ]{1,8}$/;

export function tokenInfo(raw: string): TokenInfo {
  let info = cache.get(raw);
  if (info === undefined) {
    const lower = raw.toLowerCase();
    const norm = normalizeWord(raw).toLowerCase();
    info = {
      norm,
      id: internId(norm),
      digits: /^\d+$/.test(raw),
      upper: raw !== lower && raw === raw.toUpperCase(),
      codePart: CODE_PART.test(raw),
    };
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(raw, info);
  }
  return info;
}

/** Lower-cased canonical form of one raw token. */
export function normToken(raw: string): string {
  return tokenInfo(raw).norm;
}

const wordChar = new Uint8Array(0x2000);
for (let c = 0; c < wordChar.length; c++) wordChar[c] = LETTER.test(String.fromCharCode(c)) ? 1 : 0;

function isWordChar(c: number): boolean {
  if (c < 0x2000) return wordChar[c] === 1;
  if (c >= 0xd800 && c <= 0xdfff) return false; // astral symbols (emoji) separate tokens
  return LETTER.test(String.fromCharCode(c));
}

/** Splits on anything that is not a letter, mark or digit; offsets index the input as given. */
export function tokenizeSyllables(s: string): Syllable[] {
  const out: Syllable[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(s.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && isWordChar(s.charCodeAt(i))) i++;
    const raw = s.slice(start, i);
    const info = tokenInfo(raw);
    out.push({ raw, norm: info.norm, start, end: i, info });
  }
  return out;
}
