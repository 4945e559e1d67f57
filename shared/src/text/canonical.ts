import {
  ABBREVIATIONS,
  DOC_TYPE_ABBREVIATIONS,
  DROP_BEFORE_NUMBER,
  NUMBER_WORDS,
  PHRASE_REWRITES,
  ROMAN_CONTEXT,
  ROMAN_DIGITS,
} from './equivalences';
import { internId, tokenizeInto, type Syllable } from './tokenize';

/** A matching token: canonical text plus the span of the original text it stands for. */
export interface CanonToken {
  t: string;
  /** internId(t) */
  id: number;
  start: number;
  end: number;
}

const ROMAN = /^[IVXL]+$/;
const romanCache = new Map<string, number | null>();

export function romanToInt(r: string): number | null {
  let v = romanCache.get(r);
  if (v === undefined) {
    v = parseRoman(r);
    if (romanCache.size > 10_000) romanCache.clear();
    romanCache.set(r, v);
  }
  return v;
}

function parseRoman(r: string): number | null {
  if (!ROMAN.test(r)) return null;
  let total = 0;
  for (let i = 0; i < r.length; i++) {
    const v = ROMAN_DIGITS[r[i]!]!;
    const next = i + 1 < r.length ? ROMAN_DIGITS[r[i + 1]!]! : 0;
    total += v < next ? -v : v;
  }
  return total > 0 && intToRoman(total) === r ? total : null;
}

function intToRoman(n: number): string {
  const table: [number, string][] = [[50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** A reusable output buffer: items[0 … n) are the tokens of the last call. */
export class CanonBuffer {
  items: CanonToken[] = [];
  n = 0;
  push(t: string, id: number, start: number, end: number): void {
    const o = this.items[this.n];
    if (o === undefined) this.items.push({ t, id, start, end });
    else {
      o.t = t;
      o.id = id;
      o.start = start;
      o.end = end;
    }
    this.n++;
  }
  last(): CanonToken | undefined {
    return this.n > 0 ? this.items[this.n - 1] : undefined;
  }
}

/** "mười ba" → 13, "hai mươi mốt" → 21, "tư" → 4; consumed = syllables used. */
function parseNumberWords(syl: Syllable[], nSyl: number, i: number): { value: number; consumed: number } | null {
  let value = 0;
  let unit = -1;
  let k = i;
  for (; k < nSyl && k - i < 4; k++) {
    const v = NUMBER_WORDS[syl[k]!.norm];
    if (v === undefined) break;
    if (v === 10) {
      value = (unit > 0 ? unit : 1) * 10;
      unit = 0;
    } else if (unit === -1) unit = v;
    else {
      value += v;
      unit = 0;
    }
  }
  if (k === i) return null;
  if (unit > 0 && value === 0) value = unit;
  return { value, consumed: k - i };
}

const REWRITES = PHRASE_REWRITES.map(([from, to]) => ({ from: from.split(' '), to: to.split(' ') }));
const REWRITE_BY_LAST = new Map<string, typeof REWRITES>();
const REWRITE_LAST_IDS = new Set<number>();
for (const r of REWRITES) {
  const last = r.from[r.from.length - 1]!;
  REWRITE_BY_LAST.set(last, [...(REWRITE_BY_LAST.get(last) ?? []), r].sort((a, b) => b.from.length - a.from.length));
  REWRITE_LAST_IDS.add(internId(last));
}
// Flags by token id (ids are small integers): a typed-array test per token instead of a Set lookup.
const idFlags = (ids: Iterable<number>): Uint8Array => {
  const list = [...ids];
  const flags = new Uint8Array(list.reduce((m, id) => Math.max(m, id + 1), 0));
  for (const id of list) flags[id] = 1;
  return flags;
};
const REWRITE_LAST = idFlags(REWRITE_LAST_IDS);

/** Applies the longest phrase rewrite ending at the last output token, keeping the covered span. */
function rewriteTail(out: CanonBuffer): void {
  const tail = out.items[out.n - 1]!;
  if (tail.id >= REWRITE_LAST.length || REWRITE_LAST[tail.id] === 0) return;
  const rules = REWRITE_BY_LAST.get(tail.t)!;
  for (const r of rules) {
    const n = r.from.length;
    if (out.n < n) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = out.items[out.n - n + k]!.t === r.from[k];
    if (!ok) continue;
    const start = out.items[out.n - n]!.start;
    const end = tail.end;
    if (r.to.length === n && r.to.every((t, k) => t === r.from[k])) return;
    out.n -= n;
    for (const t of r.to) out.push(t, internId(t), start, end);
    return;
  }
}

const expansionTable = (table: Readonly<Record<string, string>>) =>
  new Map(Object.entries(table).map(([k, v]) => [k, v.split(' ').map((t) => [t, internId(t)] as const)]));
const EXPANSIONS = expansionTable(ABBREVIATIONS);
const DOC_EXPANSIONS = expansionTable(DOC_TYPE_ABBREVIATIONS);
const DROP = idFlags([...DROP_BEFORE_NUMBER].map(internId));
const isDrop = (id: number): boolean => id < DROP.length && DROP[id] === 1;

function gap(s: string, a: Syllable, b: Syllable): string {
  return s.slice(a.end, b.start).trim();
}

/**
 * Canonical token stream for matching: syllables lower-cased and re-spelt, document codes
 * as number + "#type/issuer" ("05 - CT/TW" → 5, #ct/tw), Roman and word numbers as digits,
 * "số"/"lần thứ" before numbers dropped, upper-case abbreviations expanded (same span).
 */
export function canonicalTokens(s: string): CanonToken[] {
  const out = new CanonBuffer();
  canonicalInto(s, out);
  return out.items.slice(0, out.n);
}

const sylPool: Syllable[] = [];

function pushNumber(out: CanonBuffer, value: string, start: number, end: number, id = internId(value)): void {
  while (out.n > 0 && isDrop(out.items[out.n - 1]!.id)) out.n--;
  out.push(value, id, start, end);
  rewriteTail(out);
}

/** canonicalTokens into a reusable buffer (the classifier's hot path: no per-token allocation). */
export function canonicalInto(s: string, out: CanonBuffer): void {
  const syl = sylPool;
  const nSyl = tokenizeInto(s, syl);
  out.n = 0;
  for (let i = 0; i < nSyl; i++) {
    const cur = syl[i]!;
    if (cur.info.digits) {
      pushNumber(out, cur.info.number!, cur.start, cur.end, cur.info.numberId);
      // Document code: 05-CT/TW, 05 - CT/TW, 124-HD/BTGTU.
      let j = i + 1;
      const parts: string[] = [];
      if (j < nSyl && syl[j]!.info.codePart && gap(s, cur, syl[j]!) === '-') {
        parts.push(syl[j]!.norm);
        while (j + 1 < nSyl && syl[j + 1]!.info.codePart && gap(s, syl[j]!, syl[j + 1]!) === '/') {
          j++;
          parts.push(syl[j]!.norm);
        }
      }
      if (parts.length >= 2) {
        const code = '#' + parts.join('/');
        out.push(code, internId(code), syl[i + 1]!.start, syl[j]!.end);
        i = j;
      }
      continue;
    }
    const prev = out.n > 0 ? out.items[out.n - 1]!.t : '';
    const roman = cur.info.upper ? romanToInt(cur.raw) : null;
    if (roman !== null && (cur.raw.length >= 2 || ROMAN_CONTEXT.has(prev))) {
      pushNumber(out, String(roman), cur.start, cur.end);
      continue;
    }
    if (prev === 'thứ') {
      const num = parseNumberWords(syl, nSyl, i);
      if (num) {
        const last = syl[i + num.consumed - 1]!;
        pushNumber(out, String(num.value), cur.start, last.end);
        i += num.consumed - 1;
        continue;
      }
    }
    if (cur.info.upper) {
      const exp =
        EXPANSIONS.get(cur.norm) ?? (i + 1 < nSyl && syl[i + 1]!.info.digits ? DOC_EXPANSIONS.get(cur.norm) : undefined);
      if (exp !== undefined) {
        for (const [t, id] of exp) out.push(t, id, cur.start, cur.end);
        rewriteTail(out);
        continue;
      }
    }
    out.push(cur.norm, cur.info.id, cur.start, cur.end);
    rewriteTail(out);
  }
}

/** Canonical text of a phrase: its canonical tokens joined by one space. */
export function canonicalPhrase(s: string): string {
  return canonicalTokens(s)
    .map((t) => t.t)
    .join(' ');
}
