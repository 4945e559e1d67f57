import type { ClassifierTheme, Evidence, PostInput, ThemeMatch } from '../schema/classify';
import { CanonBuffer, canonicalInto, internId } from '../text';
import { TokenAutomaton } from './automaton';
import type { Concept } from './concepts';
import type { CorpusStats } from './corpus';
import { LINEAR_DIM, mixHash, tokenHash, type LinearModel } from './linear';
import { hashString, type ClassifierModel } from './model';
import { buildThemePhrases, type ThemePhrases } from './phrases';
import { isAside } from './sentences';
import { DEFAULT_ZONE_FACTORS, factorAt, textZones, type Zone, type ZoneFactors } from './zones';

export interface ClassifierOptions {
  /** Document frequencies of the collected corpus (buildCorpusStats): damps common mined phrases. */
  stats?: CorpusStats;
  /** A model from trainFromDecisions. */
  model?: ClassifierModel;
  /** Minimum score for a match (default 1.2). */
  threshold?: number;
  /** Report themes from this score on instead of the threshold (diagnostics, training); default: threshold. */
  minScore?: number;
  /** Multiplier for a phrase found in the title (default 2.5). */
  titleWeight?: number;
  /** A match must reach this share of the post's best theme score (default 0.05). */
  relativeFloor?: number;
  /** Evidence spans returned per match (default 8). */
  maxEvidence?: number;
  concepts?: readonly Concept[];
  /** Evidence of a theme inside one aside sentence shorter than this (chars), none in the headline, is a passing mention (default 140). */
  concentrationSpan?: number;
  /** Damping for such concentrated evidence, which then also stays below the threshold (default 0.6). */
  concentrationFactor?: number;
  /** Damping when a post names only a neighbouring congress/term/legislature number (default 0.3). */
  conflictFactor?: number;
  /** How page furniture counts (breadcrumbs, in-text headline, related headlines). */
  zones?: Partial<ZoneFactors>;
  /** The learned linear model (default: opts.model?.linear). */
  linear?: LinearModel;
  /** How the linear model's probability acts on the phrase score (see docs/classifier-model.md). */
  combine?: Partial<CombineOptions>;
}

export interface CombineOptions {
  /** A phrase match whose model probability is below this is vetoed (default 0.05). */
  vetoBelow: number;
  /** Phrase evidence below the threshold becomes a match from this probability on (default 0.6). */
  strengthenFrom: number;
  /** Without a match, a theme this probable is proposed for review (default 0.6). */
  suggestFrom: number;
  /** When the "covers any theme" model is below this, only phrase scores of twice the threshold survive (default 0.5). */
  anyBelow: number;
}
export const DEFAULT_COMBINE: CombineOptions = { vetoBelow: 0.05, strengthenFrom: 0.6, suggestFrom: 0.6, anyBelow: 0.5 };
/** Linear-model id of "the post covers at least one theme": gates matches on off-topic posts. */
export const ANY_THEME = '__any__';

/** A theme the model finds likely where the phrases found no match: for the review queue, not a match. */
export interface Suggestion {
  themeId: string;
  probability: number;
  evidence: Evidence[];
}

export interface Classifier {
  version: string;
  classify(post: PostInput): ThemeMatch[];
  /** Matches plus the model's proposals where phrases found no match. */
  classifyWithSuggestions(post: PostInput): { matches: ThemeMatch[]; suggestions: Suggestion[] };
  /** The weighted phrases per theme, for display and debugging. */
  phrases: ThemePhrases[];
}

const enum Kind {
  Pos = 0,
  Neg = 1,
  Learned = 2,
  Own = 3,
  Conflict = 4,
}
interface Entry {
  theme: number;
  weight: number;
  kind: Kind;
}
const ENGINE = 'kp1';
export const DEFAULT_THRESHOLD = 1.2;
const MAX_SPANS = 3;
const STRONG_WEIGHT = 0.3;

export function buildClassifier(themes: readonly ClassifierTheme[], opts: ClassifierOptions = {}): Classifier {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const titleWeight = opts.titleWeight ?? 2.5;
  const relativeFloor = opts.relativeFloor ?? 0.05;
  const reportFrom = opts.minScore ?? threshold;
  const concentrated = opts.concentrationSpan ?? 140;
  const concentratedFactor = opts.concentrationFactor ?? 0.6;
  const conflictFactor = opts.conflictFactor ?? 0.3;
  const maxEvidence = opts.maxEvidence ?? 8;
  const phrases = buildThemePhrases(themes, { stats: opts.stats, concepts: opts.concepts });

  const vocab = new Map<string, number>();
  const patternIndex = new Map<string, number>();
  const patterns: number[][] = [];
  const entries: Entry[][] = [];
  const addEntry = (phrase: string, e: Entry) => {
    let p = patternIndex.get(phrase);
    if (p === undefined) {
      p = patterns.length;
      patternIndex.set(phrase, p);
      patterns.push(
        phrase.split(' ').map((t) => {
          let id = vocab.get(t);
          if (id === undefined) vocab.set(t, (id = vocab.size));
          return id;
        }),
      );
      entries.push([]);
    }
    entries[p]!.push(e);
  };
  const themeIndex = new Map(themes.map((t, i) => [t.id, i]));
  phrases.forEach((tp, ti) => {
    for (const p of tp.phrases) addEntry(p.phrase, { theme: ti, weight: p.weight, kind: Kind.Pos });
    for (const n of tp.negatives) addEntry(n, { theme: ti, weight: 0, kind: Kind.Neg });
    for (const o of tp.owns) addEntry(o, { theme: ti, weight: 0, kind: Kind.Own });
    for (const c of tp.conflicts) addEntry(c, { theme: ti, weight: 0, kind: Kind.Conflict });
  });
  const bias = new Float64Array(themes.length);
  for (const [id, m] of Object.entries(opts.model?.themes ?? {})) {
    const ti = themeIndex.get(id);
    if (ti === undefined) continue;
    bias[ti] = m.bias;
    for (const [f, w] of Object.entries(m.weights)) if (w !== 0) addEntry(f, { theme: ti, weight: w, kind: Kind.Learned });
  }
  // Linear model: bucket → (theme, weight) pairs, so a post costs one lookup per feature.
  const linear = opts.linear ?? opts.model?.linear;
  const combine = { ...DEFAULT_COMBINE, ...opts.combine };
  // Slot themes.length holds the "any theme" gate.
  const hasLin = new Uint8Array(themes.length + 1);
  const linBias = new Float64Array(themes.length + 1);
  const linByTheme: Map<number, number>[] = [...themes, null].map(() => new Map());
  const linPairs = new Map<number, number[]>();
  for (const [id, m] of Object.entries(linear?.themes ?? {})) {
    const ti = id === ANY_THEME ? themes.length : themeIndex.get(id);
    if (ti === undefined || linear!.dim !== LINEAR_DIM) continue;
    hasLin[ti] = 1;
    linBias[ti] = m.bias;
    for (const [b, w] of Object.entries(m.weights)) {
      const k = Number(b);
      linByTheme[ti]!.set(k, w);
      let arr = linPairs.get(k);
      if (!arr) linPairs.set(k, (arr = []));
      arr.push(ti, w);
    }
  }
  // Compressed rows: the pairs of bucket b are at linOff[b] … linOff[b + 1) (two array reads per feature).
  const anyLin = linPairs.size > 0;
  const linOff = new Int32Array(anyLin ? LINEAR_DIM + 1 : 1);
  let linTheme = new Int32Array(0);
  let linW = new Float64Array(0);
  if (anyLin) {
    for (const [k, v] of linPairs) linOff[k + 1] = v.length / 2;
    for (let b = 0; b < LINEAR_DIM; b++) linOff[b + 1]! += linOff[b]!;
    linTheme = new Int32Array(linOff[LINEAR_DIM]!);
    linW = new Float64Array(linTheme.length);
    for (const [k, v] of linPairs)
      for (let j = 0, o = linOff[k]!; j < v.length; j += 2, o++) {
        linTheme[o] = v[j]!;
        linW[o] = v[j + 1]!;
      }
  }
  const automaton = new TokenAutomaton(patterns);
  // Entries flattened per pattern: entries of p are at entStart[p] … entStart[p + 1).
  const entStart = new Int32Array(patterns.length + 1);
  for (let p = 0; p < patterns.length; p++) entStart[p + 1] = entStart[p]! + entries[p]!.length;
  const entTheme = new Int32Array(entStart[patterns.length]!);
  const entWeight = new Float64Array(entTheme.length);
  const entKind = new Uint8Array(entTheme.length);
  entries.forEach((es, p) =>
    es.forEach((e, k) => {
      entTheme[entStart[p]! + k] = e.theme;
      entWeight[entStart[p]! + k] = e.weight;
      entKind[entStart[p]! + k] = e.kind;
    }),
  );
  const patLen = Int32Array.from(patterns, (p) => p.length);
  // Global token id → local vocabulary id; tokens interned after this point are not in any phrase.
  const localId = new Int32Array([...vocab.keys()].reduce((m, t) => Math.max(m, internId(t) + 1), 0)).fill(-1);
  for (const [t, id] of vocab) localId[internId(t)] = id;
  const version = `${ENGINE}-${hashString(
    JSON.stringify([phrases, threshold, titleWeight, relativeFloor, opts.zones ?? null, concentrated, concentratedFactor, conflictFactor, anyLin ? combine : null]),
  )}${opts.model ? '+' + opts.model.version : ''}${opts.linear ? '+l' + hashString(JSON.stringify(opts.linear)) : ''}`;

  const nP = patterns.length;
  const nT = themes.length;
  const zoneFactors = { ...DEFAULT_ZONE_FACTORS, ...opts.zones };
  // Per-post scratch state, reset after each post for the patterns it touched.
  const titleCount = new Float64Array(nP);
  const textCount = new Float64Array(nP);
  const headlineHit = new Uint8Array(nP);
  const spanN = new Uint8Array(nP);
  const spanStart = new Int32Array(nP * MAX_SPANS);
  const spanEnd = new Int32Array(nP * MAX_SPANS);
  const spanTitle = new Uint8Array(nP * MAX_SPANS);
  const score = new Float64Array(nT);
  const positive = new Uint8Array(nT);
  const veto = new Uint8Array(nT);
  const headline = new Uint8Array(nT);
  const own = new Uint8Array(nT);
  const learned = new Float64Array(nT);
  const conflict = new Uint8Array(nT);
  const lo = new Float64Array(nT);
  const hi = new Float64Array(nT);

  const buf = new CanonBuffer();
  let ids = new Int32Array(1024);
  // Stable token hashes for the linear model, cached per interned token id.
  let hCache = new Uint32Array(1 << 14);
  let hKnown = new Uint8Array(1 << 14);
  const fieldHashes = [new Uint32Array(256), new Uint32Array(1024)];
  const fieldN = [0, 0];
  let textStart = new Int32Array(1024);
  let textEnd = new Int32Array(1024);
  const stamp = anyLin ? new Int32Array(LINEAR_DIM) : new Int32Array(0);
  let postNo = 0;
  const z = new Float64Array(nT + 1);

  function scanField(isTitle: boolean, source: string, counts: Float64Array, touched: number[], zones: Zone[]) {
    canonicalInto(source, buf);
    const toks = buf.items;
    const nTok = buf.n;
    if (ids.length < nTok) ids = new Int32Array(nTok * 2);
    for (let i = 0; i < nTok; i++) {
      const g = toks[i]!.id;
      ids[i] = g < localId.length ? localId[g]! : -1;
    }
    if (anyLin) {
      const f = isTitle ? 0 : 1;
      if (fieldHashes[f]!.length < nTok) fieldHashes[f] = new Uint32Array(nTok * 2);
      if (!isTitle && textStart.length < nTok) {
        textStart = new Int32Array(nTok * 2);
        textEnd = new Int32Array(nTok * 2);
      }
      const hs = fieldHashes[f]!;
      for (let i = 0; i < nTok; i++) {
        const tk = toks[i]!;
        const g = tk.id;
        if (g >= hCache.length) {
          const n = Math.max(g + 1, hCache.length * 2);
          const c2 = new Uint32Array(n);
          c2.set(hCache);
          hCache = c2;
          const k2 = new Uint8Array(n);
          k2.set(hKnown);
          hKnown = k2;
        }
        if (!hKnown[g]) {
          hCache[g] = tokenHash(tk.t);
          hKnown[g] = 1;
        }
        hs[i] = hCache[g]!;
        if (!isTitle) {
          textStart[i] = tk.start;
          textEnd[i] = tk.end;
        }
      }
      fieldN[f] = nTok;
    }
    // Nested phrases of a theme all count: a long specific phrase adds to its parts.
    automaton.scan(ids, nTok, (q, qe) => {
      if (titleCount[q] === 0 && textCount[q] === 0 && spanN[q] === 0) touched.push(q);
      const start = toks[qe - patLen[q]! + 1]!.start;
      const factor = zones.length ? factorAt(zones, start) : 1;
      counts[q]! += factor;
      if (factor > 1) headlineHit[q] = 1;
      const k = spanN[q]!;
      if (k < MAX_SPANS) {
        spanStart[q * MAX_SPANS + k] = start;
        spanEnd[q * MAX_SPANS + k] = toks[qe]!.end;
        spanTitle[q * MAX_SPANS + k] = isTitle ? 1 : 0;
        spanN[q] = k + 1;
      }
    });
  }

  // Per post: for each theme, the patterns that spoke for it and how strongly.
  const evPattern: number[][] = Array.from({ length: nT }, () => []);
  const evWeight: number[][] = Array.from({ length: nT }, () => []);
  // Entries in use per theme: arrays are reused, not truncated, from post to post.
  const evN = new Int32Array(nT);
  const addEvidence = (t: number, p: number, w: number) => {
    const k = evN[t]!;
    evPattern[t]![k] = p;
    evWeight[t]![k] = w;
    evN[t] = k + 1;
  };

  function evidenceFor(t: number, title: string, text: string): Evidence[] {
    const ps = evPattern[t]!;
    const ws = evWeight[t]!;
    const order = Array.from({ length: evN[t]! }, (_, i) => i).sort((a, b) => ws[b]! - ws[a]!);
    const ev: Evidence[] = [];
    for (const o of order) {
      const p = ps[o]!;
      for (let k = 0; k < spanN[p]!; k++) {
        const i = p * MAX_SPANS + k;
        const field = spanTitle[i] ? 'title' : 'text';
        const start = spanStart[i]!;
        const end = spanEnd[i]!;
        if (ev.some((x) => x.field === field && x.start <= start && x.end >= end)) continue;
        ev.push({ field, start, end, phrase: (field === 'title' ? title : text).slice(start, end) });
        if (ev.length >= maxEvidence) return ev;
      }
    }
    return ev;
  }

  /** Separate places in the text where strong phrases of theme t occur (nested phrases count once). */
  function strongRegions(t: number): number {
    const spansOf: [number, number][] = [];
    const ps = evPattern[t]!;
    for (let o = 0; o < evN[t]!; o++) {
      if (evWeight[t]![o]! < STRONG_WEIGHT) continue;
      const p = ps[o]!;
      for (let k = 0; k < spanN[p]!; k++) {
        const i = p * MAX_SPANS + k;
        if (!spanTitle[i]) spansOf.push([spanStart[i]!, spanEnd[i]!]);
      }
    }
    spansOf.sort((a, b) => a[0] - b[0]);
    let regions = 0;
    let end = -1;
    for (const [a, b] of spansOf) {
      if (a > end + 1) regions++;
      if (b > end) end = b;
    }
    return regions;
  }

  function addBucket(b: number) {
    if (stamp[b] === postNo) return 0;
    stamp[b] = postNo;
    for (let o = linOff[b]!, e = linOff[b + 1]!; o < e; o++) z[linTheme[o]!]! += linW[o]!;
    return 1;
  }

  /** Logits of the linear model from the hashes of the last scan (title, text). */
  function linearLogits() {
    z.fill(0);
    postNo++;
    if (postNo === 0x7fffffff) {
      stamp.fill(0);
      postNo = 1;
    }
    let n = 0;
    const th = fieldHashes[0]!;
    const xh = fieldHashes[1]!;
    const MASK = LINEAR_DIM - 1;
    for (let i = 0; i < fieldN[0]!; i++) n += addBucket(mixHash(th[i]!, 0x9e3779b1) & MASK);
    for (let f = 0; f < 2; f++) {
      const hs = f === 0 ? th : xh;
      const len = fieldN[f]!;
      for (let i = 0; i < len; i++) {
        n += addBucket(hs[i]! & MASK);
        if (i + 1 < len) n += addBucket(mixHash(hs[i]!, hs[i + 1]!) & MASK);
      }
    }
    const x = 1 / Math.sqrt(n || 1);
    for (let t = 0; t <= nT; t++) if (hasLin[t]) z[t] = linBias[t]! + z[t]! * x;
  }

  /** Text spans of the bigrams that weigh most for theme t: the evidence of a suggestion. */
  function linearEvidence(t: number, text: string): Evidence[] {
    const xh = fieldHashes[1]!;
    const MASK = LINEAR_DIM - 1;
    const cand: [number, number][] = [];
    for (let i = 0; i + 1 < fieldN[1]!; i++) {
      const w = linByTheme[t]!.get(mixHash(xh[i]!, xh[i + 1]!) & MASK) ?? 0;
      if (w > 0) cand.push([w, i]);
    }
    cand.sort((a, b) => b[0] - a[0]);
    const ev: Evidence[] = [];
    for (const [, i] of cand) {
      const start = textStart[i]!;
      const end = textEnd[i + 1]!;
      if (ev.some((e) => e.start < end && start < e.end)) continue;
      ev.push({ field: 'text', start, end, phrase: text.slice(start, end) });
      if (ev.length >= 3) break;
    }
    return ev;
  }

  function classify(post: PostInput): ThemeMatch[] {
    return run(post, null);
  }

  function classifyWithSuggestions(post: PostInput) {
    const suggestions: Suggestion[] = [];
    const matches = run(post, suggestions);
    return { matches, suggestions };
  }

  function run(post: PostInput, suggestions: Suggestion[] | null): ThemeMatch[] {
    const touched: number[] = [];
    const title = post.title ?? '';
    const text = post.text ?? '';
    scanField(true, title, titleCount, touched, []);
    scanField(false, text, textCount, touched, textZones(text, title.trim().length > 0, zoneFactors));
    score.fill(0);
    positive.fill(0);
    veto.fill(0);
    headline.fill(0);
    own.fill(0);
    learned.fill(0);
    conflict.fill(0);
    lo.fill(Infinity);
    hi.fill(-Infinity);
    evN.fill(0);
    for (const p of touched) {
      const tc = titleCount[p]!;
      const xc = textCount[p]!;
      const presence = (tc > 0 ? titleWeight : 0) + (xc >= 1 ? 1 + 0.5 * Math.log(xc) : xc);
      for (let j = entStart[p]!, jEnd = entStart[p + 1]!; j < jEnd; j++) {
        const t = entTheme[j]!;
        const kind = entKind[j]!;
        const weight = entWeight[j]!;
        if (kind === Kind.Neg) veto[t] = 1;
        else if (kind === Kind.Own) own[t] = 1;
        else if (kind === Kind.Conflict) conflict[t] = 1;
        else if (kind === Kind.Pos) {
          score[t]! += weight * presence;
          positive[t] = 1;
          addEvidence(t, p, weight * presence);
          if (tc > 0 || headlineHit[p]) headline[t] = 1;
          // Only phrases that say something on their own locate the theme in the text.
          for (let k = 0; k < spanN[p]! && weight >= STRONG_WEIGHT; k++) {
            const i = p * MAX_SPANS + k;
            if (spanTitle[i]) continue;
            if (spanStart[i]! < lo[t]!) lo[t] = spanStart[i]!;
            if (spanEnd[i]! > hi[t]!) hi[t] = spanEnd[i]!;
          }
        } else {
          learned[t]! += weight;
          if (weight > 0) {
            positive[t] = 1;
            addEvidence(t, p, weight);
          }
        }
      }
    }
    let best = 0;
    for (let t = 0; t < nT; t++) {
      // Evidence packed into one sentence and absent from the headline reads as a passing mention.
      const passing =
        score[t]! >= threshold * 0.5 &&
        (hi[t]! < lo[t]! ||
        (hi[t]! - lo[t]! < concentrated && isAside(text, lo[t]!, hi[t]!)) ||
          strongRegions(t) <= 1);
      if (!headline[t] && passing) {
        score[t] = Math.min(score[t]! * concentratedFactor, threshold * 0.9);
      }
      if (conflict[t] && !own[t]) score[t]! *= conflictFactor;
      // Staff-trained corrections apply last, so they can overrule the keyphrase heuristics.
      if (positive[t]) score[t]! += learned[t]! + bias[t]!;
      if (veto[t] || !positive[t]) score[t] = 0;
      if (score[t]! > best) best = score[t]!;
    }
    if (anyLin) {
      linearLogits();
      const pAny = hasLin[nT] ? 1 / (1 + Math.exp(-z[nT]!)) : 1;
      if (pAny < combine.anyBelow) for (let t = 0; t < nT; t++) if (score[t]! < 2 * threshold) score[t] = 0;
      for (let t = 0; t < nT; t++) {
        if (!hasLin[t]) continue;
        const p = 1 / (1 + Math.exp(-z[t]!));
        const s = score[t]!;
        if (s >= threshold) {
          // The model vetoes a phrase match it finds very unlikely.
          if (p < combine.vetoBelow) score[t] = 0;
        } else if (s > 0 && p >= combine.strengthenFrom && pAny >= combine.anyBelow) {
          // Phrase evidence too weak alone, confirmed by the model: a match, with the phrase spans.
          score[t] = threshold + (p - combine.strengthenFrom);
          if (score[t]! > best) best = score[t]!;
        } else if (suggestions && p >= combine.suggestFrom && !veto[t]) {
          suggestions.push({ themeId: themes[t]!.id, probability: Math.round(p * 1000) / 1000, evidence: linearEvidence(t, text) });
        }
      }
    }
    const out: ThemeMatch[] = [];
    for (let t = 0; t < nT; t++) {
      const s = score[t]!;
      if (s <= 0 || s < reportFrom || s < relativeFloor * best) continue;
      out.push({ themeId: themes[t]!.id, score: Math.round(s * 1000) / 1000, evidence: evidenceFor(t, title, text) });
    }
    for (const p of touched) {
      titleCount[p] = 0;
      textCount[p] = 0;
      headlineHit[p] = 0;
      spanN[p] = 0;
    }
    return out.sort((a, b) => b.score - a.score);
  }

  return { version, classify, classifyWithSuggestions, phrases };
}
