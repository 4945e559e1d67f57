// The search service: query text + filters + scope → one ranked page with highlighted snippets.
// The terms' rows are read with one pruned lookup per term; then, chunk by chunk of 65,536 post ids,
// newest first, the required terms are intersected as bitmaps, candidates filtered through the
// in-memory post attributes, scored and kept in a heap of the best offset + limit.
import type { Database } from '../db/connection';
import { collectSoon } from '../db/native-memory';
import * as q from '../db/queries';
import type { SearchHit, SearchResult } from '@tdtt/shared';
import { postAttributes } from './attributes';
import { ARRAY_MAX, BITMAP_BYTES, BITMAP_WORDS, CHUNK_SIZE, cardinality, chunkOf, decode, isBitmap, orInto, type Container } from './containers';
import { termKey } from './hash';
import { indexInBackground, readIndexState } from './indexer';
import { FIELD } from './builder';
import { buildSnippet, findMarks } from './snippet';
import { bigram, foldedTokens, parseQuery } from './tokens';

export const PAGE_SIZE = 20;
/**
 * Quoted phrases of 3+ syllables are checked word by word on the posts' text when at most this many
 * candidates remain (a post's text costs DuckDB about a millisecond to fetch); above, the pair test stands.
 */
export const PHRASE_CHECK_MAX = 200;
const TITLE_WEIGHT = 2;
const BIGRAM_WEIGHT = 1.5;

export interface SearchInput {
  q: string;
  /** Units whose posts may appear (the caller's scope, narrowed to a unit's subtree); null: all. */
  unitIds: string[] | null;
  themeId: string | null;
  from: string | null;
  to: string | null;
  kind: 'original' | 'repost' | null;
  page: number;
  /** Hits per page; default PAGE_SIZE (a CSV export asks for more at once). */
  pageSize?: number;
  modelVersion: string;
}

export type { SearchHit, SearchResult } from '@tdtt/shared';

/** idf as in BM25 (never negative): rare terms weigh more. */
export function idf(docs: number, df: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

interface QueryTerm {
  text: string;
  key: string;
  /** A query syllable: every hit holds it. */
  word: boolean;
  /** An adjacent pair of the whole query: scores, and all of them make a "phrase" hit. */
  soft: boolean;
  /** An adjacent pair of a quoted phrase: every hit holds it. */
  quoted: boolean;
  /**
   * Read in every chunk and intersected: quoted pairs, and syllables outside quoted phrases (a
   * syllable inside one is implied by its pairs: read, like the pairs that only rank, where it scores).
   */
  intersect: boolean;
  /** Containers by chunk, per stored field (0 title and text, 1 text, 2 title only: builder.ts FIELD). */
  sets: [Map<number, Container>, Map<number, Container>, Map<number, Container>];
  /** Chunks whose scoring containers are here: those >= scoringFrom and those in `scoring`. */
  scoringFrom: number;
  scoring: Set<number>;
  /** Posts holding the term (fields 1 and 2 are disjoint: their counts add up). */
  df: number;
  weight: number;
}

/** The query's terms: its syllables, the adjacent pairs of the whole query and of each quoted phrase. */
function queryTerms(words: string[], soft: string[] | null, phrases: string[][]): QueryTerm[] {
  const byText = new Map<string, QueryTerm>();
  const term = (text: string) => {
    let t = byText.get(text);
    if (!t) {
      t = { text, key: termKey(text), word: false, soft: false, quoted: false, intersect: false, sets: [new Map(), new Map(), new Map()], scoringFrom: 0, scoring: new Set(), df: 0, weight: 0 };
      byText.set(text, t);
    }
    return t;
  };
  for (const w of words) term(w).word = true;
  const pairs = (s: string[]) => s.slice(1).map((t, i) => bigram(s[i]!, t));
  for (const p of soft ? pairs(soft) : []) term(p).soft = true;
  for (const ph of phrases) for (const p of pairs(ph)) term(p).quoted = true;
  const inPhrase = new Set(phrases.flat());
  for (const t of byText.values()) t.intersect = t.quoted || (t.word && !inPhrase.has(t.text));
  return [...byText.values()];
}

/** Adds rows to their terms (df too, unless `counted`); partial rows of one key (tail before compaction) are joined. */
function addRows(terms: QueryTerm[], rows: q.PostingRow[], counted = false): void {
  // One buffer for all the containers (fewer objects for the collector), each at a 4-byte boundary.
  let bytes = 0;
  for (const r of rows) if (r.b !== null) bytes += (r.n > ARRAY_MAX ? BITMAP_BYTES : 2 * r.n + 3) & ~3;
  const buf = Buffer.allocUnsafeSlow(bytes);
  let at = 0;
  for (const r of rows) {
    const t = terms[r.i]!;
    if (!counted && r.field !== FIELD.both) t.df += r.n;
    if (r.b === null) continue;
    const map = t.sets[r.field === FIELD.both ? 0 : r.field === FIELD.text ? 1 : 2];
    const len = buf.write(r.b, at, 'base64');
    const c = decode(buf.subarray(at, at + len), r.n);
    at += (len + 3) & ~3;
    const had = map.get(r.chunk);
    if (!had) map.set(r.chunk, c);
    else {
      const bits = isBitmap(had) ? had : toBitsCopy(had);
      orInto(bits, c);
      map.set(r.chunk, bits);
    }
  }
}

/**
 * Reads the terms' rows. To intersect, a term needs its text and title-only sets in every chunk; to
 * score, the title-and-text sets and the other terms' sets, but only in the chunks scored: the newest
 * two come now, others when the scoring reaches them (`loadScoring`). Two statements, one per reader
 * connection, run side by side (one when the theme's matches take the other connection).
 */
async function loadPostings(db: Database, terms: QueryTerm[], withTail: boolean, newest: number, statements: 1 | 2): Promise<void> {
  const from = newest - 1;
  const and = { fields: [FIELD.text, FIELD.titleOnly] };
  const reads = terms.map((t): q.TermRead => ({ key: t.key, rows: [and, { chunksFrom: from }], blobs: t.intersect ? 'all' : [{ chunksFrom: from }] }));
  for (const t of terms) t.scoringFrom = from;
  // Intersected terms alternate between the statements; the (light) others go to the second.
  const idx = terms.map((_, i) => i);
  const req = idx.filter((i) => terms[i]!.intersect);
  const rank = idx.filter((i) => !terms[i]!.intersect);
  const groups = (statements === 1 ? [idx] : [req.filter((_, k) => k % 2 === 0), [...req.filter((_, k) => k % 2 === 1), ...rank]]).filter((g) => g.length);
  const results = await Promise.all(groups.map((g) => q.termRows(db, g.map((i) => reads[i]!), withTail)));
  results.forEach((rows, k) => addRows(groups[k]!.map((i) => terms[i]!), rows));
}

/** Makes sure chunks[0]'s scoring containers are here; if not, fetches them with the next chunks' (one statement). */
async function loadScoring(db: Database, terms: QueryTerm[], withTail: boolean, chunks: number[]): Promise<void> {
  const missing = terms.filter((t) => chunks[0]! < t.scoringFrom && !t.scoring.has(chunks[0]!));
  if (missing.length === 0) return;
  const rows = await q.termRows(
    db,
    missing.map((t) => ({ key: t.key, rows: [t.intersect ? { fields: [FIELD.both], chunks } : { chunks }], blobs: 'all' })),
    withTail,
  );
  addRows(missing, rows, true);
  for (const t of missing) for (const c of chunks) t.scoring.add(c);
}

/** Per scored term, chunk c's posts with it in the title (slot 2s: sets 0 ∪ 2) and in the text (2s + 1: set 1) as bits. */
function fillSlots(scored: QueryTerm[], c: number, slots: (Uint32Array | null)[], scratch: Uint32Array[]): void {
  scored.forEach((t, s) => {
    const both = t.sets[0].get(c);
    const only = t.sets[2].get(c);
    if (!both && !only) slots[s * 2] = null;
    else {
      const bits = scratch[s * 2]!;
      bits.fill(0);
      if (both) orInto(bits, both);
      if (only) orInto(bits, only);
      slots[s * 2] = bits;
    }
    const text = t.sets[1].get(c);
    if (!text) slots[s * 2 + 1] = null;
    else if (isBitmap(text)) slots[s * 2 + 1] = text;
    else {
      const bits = scratch[s * 2 + 1]!;
      bits.fill(0);
      orInto(bits, text);
      slots[s * 2 + 1] = bits;
    }
  });
}

function toBitsCopy(c: Container): Uint32Array {
  const bits = new Uint32Array(BITMAP_WORDS);
  orInto(bits, c);
  return bits;
}

/** "YYYY-MM-DD" → days since 1970-01-01 (the attribute store's day numbers). */
function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}

async function themeBits(db: Database, themeId: string, modelVersion: string): Promise<Map<number, Uint32Array>> {
  const out = new Map<number, Uint32Array>();
  for (const r of await q.themePostChunks(db, themeId, modelVersion)) {
    const bits = new Uint32Array(BITMAP_WORDS);
    for (const x of r.lows.split(',')) {
      const low = Number(x);
      bits[low >>> 5]! |= 1 << (low & 31);
    }
    out.set(r.chunk, bits);
  }
  return out;
}

/** The best `k` hits seen: phrase hits first, then higher score, then newer (larger id). */
class TopK {
  private readonly ids: number[] = [];
  private readonly scores: number[] = [];
  private readonly phrases: boolean[] = [];
  constructor(private readonly k: number) {}

  // a ranks below b
  private below(i: number, j: number): boolean {
    if (this.phrases[i] !== this.phrases[j]) return !this.phrases[i];
    if (this.scores[i] !== this.scores[j]) return this.scores[i]! < this.scores[j]!;
    return this.ids[i]! < this.ids[j]!;
  }

  private swap(i: number, j: number): void {
    [this.ids[i], this.ids[j]] = [this.ids[j]!, this.ids[i]!];
    [this.scores[i], this.scores[j]] = [this.scores[j]!, this.scores[i]!];
    [this.phrases[i], this.phrases[j]] = [this.phrases[j]!, this.phrases[i]!];
  }

  offer(id: number, phrase: boolean, score: number): void {
    if (this.k === 0) return;
    const n = this.ids.length;
    if (n < this.k) {
      this.ids.push(id);
      this.scores.push(score);
      this.phrases.push(phrase);
      for (let i = n; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!this.below(i, p)) break;
        this.swap(i, p);
        i = p;
      }
      return;
    }
    // Compare with the worst kept (the root) without inserting first.
    const [rp, rs, ri] = [this.phrases[0]!, this.scores[0]!, this.ids[0]!];
    const better = phrase !== rp ? phrase : score !== rs ? score > rs : id > ri;
    if (!better) return;
    this.ids[0] = id;
    this.scores[0] = score;
    this.phrases[0] = phrase;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.below(l, m)) m = l;
      if (r < n && this.below(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  /** Holds k hits, the worst of them ranking (phrase, score) — nothing later with a smaller id can enter. */
  saturatedAt(phrase: boolean, score: number): boolean {
    return this.ids.length === this.k && (this.k === 0 || (this.phrases[0] === phrase && this.scores[0] === score));
  }

  /** Best first. */
  sorted(): { id: number; phrase: boolean; score: number }[] {
    return this.ids
      .map((id, i) => ({ id, phrase: this.phrases[i]!, score: this.scores[i]! }))
      .sort((a, b) => (a.phrase !== b.phrase ? (a.phrase ? -1 : 1) : a.score !== b.score ? b.score - a.score : b.id - a.id));
  }
}

/** Whether the folded syllables of the text hold the phrase consecutively. */
function holdsPhrase(text: string, phrase: string[]): boolean {
  const t = foldedTokens(text);
  outer: for (let i = 0; i + phrase.length <= t.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (t[i + k]!.term !== phrase[k]) continue outer;
    return true;
  }
  return false;
}

export async function searchPosts(db: Database, input: SearchInput): Promise<SearchResult> {
  try {
    return await search(db, input);
  } finally {
    collectSoon(); // the postings read are several MB of DuckDB result chunks (db/native-memory.ts)
  }
}

async function search(db: Database, input: SearchInput): Promise<SearchResult> {
  const parsed = parseQuery(input.q);
  const size = input.pageSize ?? PAGE_SIZE;
  const empty: SearchResult = { q: input.q, terms: parsed.words, total: 0, page: input.page, pageSize: size, hits: [] };
  if (parsed.words.length === 0 || (input.unitIds && input.unitIds.length === 0)) return empty;
  const state = await readIndexState(db);
  if (!state) indexInBackground(db); // a new or upgraded database: build the index meanwhile
  if (!state || state.docs === 0) return empty;
  const terms = queryTerms(parsed.words, parsed.soft, parsed.phrases);
  const attrs = postAttributes(db);
  const withTail = state.tail !== 0; // (a state written before the tail was counted reads it too)
  // The theme's matches first: the longest read, it then runs beside the postings.
  const [theme] = await Promise.all([
    input.themeId ? themeBits(db, input.themeId, input.modelVersion) : null,
    loadPostings(db, terms, withTail, chunkOf(state.through), input.themeId ? 1 : 2),
    attrs.ensure(db, state.through),
  ]);
  if (terms.some((t) => (t.word || t.quoted) && t.df === 0)) return empty;
  for (const t of terms) t.weight = t.word || t.soft ? idf(state.docs, t.df) * (t.word ? 1 : BIGRAM_WEIGHT) : 0;

  const required = terms.filter((t) => t.intersect);
  const rarest = required.reduce((a, b) => (b.df < a.df ? b : a));
  const scored = terms.filter((t) => t.word || t.soft);
  const softCount = terms.filter((t) => t.soft).length;
  // The best rank a post can reach (summed as for a post, so the float is the same): once the page's
  // worst kept hit has it, later candidates (smaller ids) are only counted.
  const bestScore = scored.reduce((sum, t) => (t.df > 0 ? sum + t.weight * TITLE_WEIGHT + t.weight : sum), 0);
  const bestPhrase = softCount > 0 && terms.every((t) => !t.soft || t.df > 0);
  const checks = parsed.phrases.filter((p) => p.length >= 3);
  const mask = input.unitIds ? attrs.unitMask(input.unitIds) : null;
  const fromDay = input.from ? dayNumber(input.from) : 0;
  const toDay = input.to ? dayNumber(input.to) : 65_535;
  const byDay = input.from !== null || input.to !== null;
  const offset = (input.page - 1) * size;
  let top = new TopK(offset + size);
  let saturated = false;
  let total = 0;
  // Every candidate while few enough for the quoted-phrase check.
  let kept: { id: number; phrase: boolean; score: number }[] | null = checks.length ? [] : null;

  const cand = new Uint32Array(BITMAP_WORDS);
  const tmp = new Uint32Array(BITMAP_WORDS);
  // Per scored term, the scored chunk's posts with it in the title and in the text (fillSlots).
  const slots: (Uint32Array | null)[] = new Array(scored.length * 2).fill(null);
  const scratch = Array.from({ length: scored.length * 2 }, () => new Uint32Array(BITMAP_WORDS));
  const passing = new Uint16Array(CHUNK_SIZE);
  // Chunks where the rarest intersected term occurs (text or title only: every post holding it).
  const chunks = [...new Set([...rarest.sets[1].keys(), ...rarest.sets[2].keys()])].sort((a, b) => b - a);
  // Newest chunk first, newest post first: ties on rank go to the larger id, so the page fills early.
  for (const [ci, c] of chunks.entries()) {
    const themeChunk = theme?.get(c);
    if (theme && !themeChunk) continue;
    const at = attrs.of(c);
    if (!at || (byDay && (at.maxDay < fromDay || at.minDay > toDay))) continue;
    cand.fill(0);
    for (const set of [rarest.sets[1], rarest.sets[2]]) {
      const x = set.get(c);
      if (x) orInto(cand, x);
    }
    let any = true;
    for (const t of required) {
      if (t === rarest) continue;
      const a = t.sets[1].get(c);
      const b = t.sets[2].get(c);
      if (!a && !b) {
        any = false;
        break;
      }
      tmp.fill(0);
      if (a) orInto(tmp, a);
      if (b) orInto(tmp, b);
      for (let i = 0; i < BITMAP_WORDS; i++) cand[i]! &= tmp[i]!;
    }
    if (!any) continue;
    if (themeChunk) for (let i = 0; i < BITMAP_WORDS; i++) cand[i]! &= themeChunk[i]!;
    if (input.kind === 'repost') for (let i = 0; i < BITMAP_WORDS; i++) cand[i]! &= at.repost[i]!;
    else if (input.kind === 'original') for (let i = 0; i < BITMAP_WORDS; i++) cand[i]! &= ~at.repost[i]!;
    if (saturated && !kept && !mask && !byDay) {
      total += cardinality(cand);
      continue;
    }
    // The candidates passing the unit and date filters, newest first.
    let n = 0;
    for (let w = BITMAP_WORDS - 1; w >= 0; w--) {
      let x = cand[w]!;
      while (x !== 0) {
        const bit = 31 - Math.clz32(x);
        x ^= 1 << bit;
        const low = (w << 5) | bit;
        if (mask && mask[at.unit[low]!] !== 1) continue;
        if (byDay) {
          const day = at.day[low]!;
          if (day < fromDay || day > toDay) continue;
        }
        passing[n++] = low;
      }
    }
    total += n;
    if (n === 0 || (saturated && !kept)) continue;
    // Scoring: this chunk's (and the next few's) scoring containers, if not here yet.
    await loadScoring(db, scored, withTail, chunks.slice(ci, ci + 4));
    fillSlots(scored, c, slots, scratch);
    const base = c * CHUNK_SIZE;
    for (let k = 0; k < n && (!saturated || kept); k++) {
      const low = passing[k]!;
      const w = low >>> 5;
      const one = 1 << (low & 31);
      let score = 0;
      let soft = 0;
      for (let s = 0; s < scored.length; s++) {
        const tb = slots[s * 2];
        const xb = slots[s * 2 + 1];
        const inTitle = tb !== null && (tb![w]! & one) !== 0;
        const inText = xb !== null && (xb![w]! & one) !== 0;
        const weight = scored[s]!.weight;
        if (inTitle) score += weight * TITLE_WEIGHT;
        if (inText) score += weight;
        if ((inTitle || inText) && scored[s]!.soft) soft++;
      }
      const phrase = softCount > 0 && soft === softCount;
      top.offer(base + low, phrase, score);
      saturated = top.saturatedAt(bestPhrase, bestScore);
      if (kept) {
        if (kept.length < PHRASE_CHECK_MAX && total <= PHRASE_CHECK_MAX) kept.push({ id: base + low, phrase, score });
        else kept = null;
      }
    }
  }

  if (kept) {
    // Few enough: the pair test is refined to exact consecutive syllables in the title or the text.
    const texts = new Map((await q.postTexts(db, kept.map((k) => k.id))).map((p) => [p.id, p]));
    top = new TopK(offset + size);
    total = 0;
    for (const k of kept) {
      const p = texts.get(k.id);
      if (!p || !checks.every((ph) => holdsPhrase(p.title, ph) || holdsPhrase(p.text, ph))) continue;
      total++;
      top.offer(k.id, k.phrase, k.score);
    }
  }

  const page = top.sorted().slice(offset);
  const details = new Map((await q.searchHitRows(db, page.map((p) => p.id))).map((d) => [d.id, d]));
  const wordSet = new Set(parsed.words);
  const phrase = parsed.phrases[0] ?? parsed.soft;
  return {
    ...empty,
    total,
    hits: page.flatMap((p): SearchHit[] => {
      const r = details.get(p.id);
      if (!r) return [];
      const snippet = buildSnippet(r.text, parsed.words, phrase);
      return [
        {
          id: String(r.id),
          title: r.title,
          titleMarks: findMarks(foldedTokens(r.title), wordSet),
          snippet: { ...snippet, text: r.text.slice(snippet.from, snippet.to) },
          url: r.url,
          unit: { id: r.unit_id, name: r.unit_name },
          publishedAt: r.published_at,
          isRepost: r.repost_of !== null,
          phrase: p.phrase,
          score: Math.round(p.score * 1000) / 1000,
        },
      ];
    }),
  };
}
