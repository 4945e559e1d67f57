import { normalizeWord } from './normalize';

/** A syllable (or number) with its [start, end) offsets in the ORIGINAL string. */
export interface Syllable {
  raw: string;
  /** normalizeWord + lower case: the form used for matching. */
  norm: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const CACHE_MAX = 200_000;
const cache = new Map<string, string>();

/** Lower-cased canonical form of one raw token, memoised (tokens repeat a lot). */
export function normToken(raw: string): string {
  let n = cache.get(raw);
  if (n === undefined) {
    n = normalizeWord(raw).toLowerCase();
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(raw, n);
  }
  return n;
}

/** Splits on anything that is not a letter, mark or digit; offsets index the input as given. */
export function tokenizeSyllables(s: string): Syllable[] {
  const out: Syllable[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(s); m !== null; m = TOKEN.exec(s)) {
    const raw = m[0];
    out.push({ raw, norm: normToken(raw), start: m.index, end: m.index + raw.length });
  }
  return out;
}
