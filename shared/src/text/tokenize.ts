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
  /** canonical number for digit tokens ("05" → "5") and its id */
  number: string | null;
  numberId: number;
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
      number: null,
      numberId: -1,
    };
    if (info.digits) {
      info.number = String(Number.parseInt(raw, 10));
      info.numberId = internId(info.number);
    }
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

// Raw-token cache keyed by a hash of the characters, so tokenising does not allocate a
// substring per token: most tokens of a post were seen before.
const TABLE_BITS = 16;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const table: ({ raw: string; info: TokenInfo } | undefined)[] = new Array(1 << TABLE_BITS);

function lookup(s: string, start: number, end: number, h: number): { raw: string; info: TokenInfo } {
  const slot = h & TABLE_MASK;
  const e = table[slot];
  if (e !== undefined && e.raw.length === end - start) {
    let same = true;
    for (let k = 0; k < e.raw.length && same; k++) same = e.raw.charCodeAt(k) === s.charCodeAt(start + k);
    if (same) return e;
  }
  const raw = s.slice(start, end);
  const fresh = { raw, info: tokenInfo(raw) };
  table[slot] = fresh;
  return fresh;
}

/** Splits on anything that is not a letter, mark or digit; offsets index the input as given. */
export function tokenizeSyllables(s: string): Syllable[] {
  const pool: Syllable[] = [];
  const n = tokenizeInto(s, pool);
  return pool.slice(0, n);
}

/** Like tokenizeSyllables, reusing the objects of pool (grown as needed); returns the count. */
export function tokenizeInto(s: string, pool: Syllable[]): number {
  let count = 0;
  const n = s.length;
  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    while (i < n && !(c < 0x2000 ? wordChar[c] === 1 : isWordChar(c))) c = s.charCodeAt(++i);
    if (i >= n) break;
    const start = i;
    let h = 0x811c9dc5;
    while (i < n && (c < 0x2000 ? wordChar[c] === 1 : isWordChar(c))) {
      h = Math.imul(h ^ c, 0x01000193);
      c = s.charCodeAt(++i);
    }
    const e = lookup(s, start, i, (h ^ (h >>> 16)) >>> 0);
    const o = pool[count];
    if (o === undefined) pool.push({ raw: e.raw, norm: e.info.norm, start, end: i, info: e.info });
    else {
      o.raw = e.raw;
      o.norm = e.info.norm;
      o.start = start;
      o.end = i;
      o.info = e.info;
    }
    count++;
  }
  return count;
}
