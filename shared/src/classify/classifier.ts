import type { ClassifierTheme, Evidence, PostInput, ThemeMatch } from '../schema/classify';
import { CanonBuffer, canonicalInto, internId } from '../text';
import { TokenAutomaton } from './automaton';
import type { Concept } from './concepts';
import type { CorpusStats } from './corpus';
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
}

export interface Classifier {
  version: string;
  classify(post: PostInput): ThemeMatch[];
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
    JSON.stringify([phrases, threshold, titleWeight, relativeFloor, opts.zones ?? null, concentrated, concentratedFactor, conflictFactor]),
  )}${opts.model ? '+' + opts.model.version : ''}`;

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

  function scanField(isTitle: boolean, source: string, counts: Float64Array, touched: number[], zones: Zone[]) {
    canonicalInto(source, buf);
    const toks = buf.items;
    const nTok = buf.n;
    if (ids.length < nTok) ids = new Int32Array(nTok * 2);
    for (let i = 0; i < nTok; i++) {
      const g = toks[i]!.id;
      ids[i] = g < localId.length ? localId[g]! : -1;
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

  function classify(post: PostInput): ThemeMatch[] {
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

  return { version, classify, phrases };
}
