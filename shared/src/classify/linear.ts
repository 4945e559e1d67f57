// The learned half of the classifier: one logistic regression per theme over hashed canonical
// syllable n-grams (unigrams, bigrams, title unigrams), trained in-process from labelled posts
// and staff decisions. No downloaded weights: everything it knows comes from those examples.
// The phrase dictionary stays the explanation of a match; this model only vetoes, strengthens
// or proposes (see combine in classifier.ts), so every match still points at evidence spans.
import type { PostInput } from '../schema/classify';
import { CanonBuffer, canonicalInto } from '../text';

/** Hash space of the features (2^18 buckets): collisions are rare at a few thousand posts. */
export const LINEAR_DIM = 1 << 18;
const MASK = LINEAR_DIM - 1;
const TITLE_SALT = 0x9e3779b1;
/** Same id as ANY_THEME in classifier.ts. */
const ANY = '__any__';

export interface LinearThemeModel {
  bias: number;
  /** bucket (decimal string) → weight; only the strongest weights are kept. */
  weights: Record<string, number>;
}

export interface LinearModel {
  dim: number;
  themes: Record<string, LinearThemeModel>;
}

/** FNV-1a over a canonical token: stable across processes, unlike interned ids. */
export function tokenHash(t: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) {
    h ^= t.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function mixHash(a: number, b: number): number {
  let h = Math.imul(a ^ (b + 0x7f4a7c15), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Feature buckets of token hashes: unigrams and bigrams of the text, unigrams of the title. */
export function bucketsOf(titleHashes: ArrayLike<number>, nTitle: number, textHashes: ArrayLike<number>, nText: number, out: Set<number>): void {
  for (let i = 0; i < nTitle; i++) out.add(mixHash(titleHashes[i]!, TITLE_SALT) & MASK);
  for (const [hs, n] of [
    [titleHashes, nTitle],
    [textHashes, nText],
  ] as const) {
    for (let i = 0; i < n; i++) {
      out.add(hs[i]! & MASK);
      if (i + 1 < n) out.add(mixHash(hs[i]!, hs[i + 1]!) & MASK);
    }
  }
}

const buf = new CanonBuffer();
function hashesOf(s: string): Uint32Array {
  canonicalInto(s, buf);
  const out = new Uint32Array(buf.n);
  for (let i = 0; i < buf.n; i++) out[i] = tokenHash(buf.items[i]!.t);
  return out;
}

/** The feature buckets of a post, as the classifier computes them while scanning. */
export function postBuckets(post: PostInput): number[] {
  const t = hashesOf(post.title ?? '');
  const x = hashesOf(post.text ?? '');
  const out = new Set<number>();
  bucketsOf(t, t.length, x, x.length, out);
  return [...out];
}

export interface LinearExample {
  post: PostInput;
  /** themeId → true (covers it) / false (does not); themes not listed are unknown for this post. */
  labels: Record<string, boolean>;
}

export interface LinearTrainOptions {
  epochs?: number;
  /** L2 strength (default 1e-4). */
  l2?: number;
  /** AdaGrad base rate (default 0.5). */
  rate?: number;
  /** Largest weight of a positive example relative to a negative one (default 4). */
  maxPositiveWeight?: number;
  /** Weights kept per theme (default 5000). */
  maxFeatures?: number;
  /** Themes need at least this many positive examples to get a model (default 3). */
  minPositives?: number;
}

/** Trains one logistic regression per theme that has enough positive examples. */
export function trainLinear(themeIds: readonly string[], examples: readonly LinearExample[], opts: LinearTrainOptions = {}): LinearModel {
  // The "covers any theme" gate learns from posts whose labels are complete (all themes known).
  const complete = examples.filter((e) => themeIds.every((id) => e.labels[id] !== undefined));
  const withAny = complete.length
    ? examples.map((e) => (complete.includes(e) ? { ...e, labels: { ...e.labels, [ANY]: themeIds.some((id) => e.labels[id]) } } : e))
    : examples;
  examples = withAny;
  themeIds = complete.length ? [...themeIds, ANY] : themeIds;
  const epochs = opts.epochs ?? 12;
  const l2 = opts.l2 ?? 1e-4;
  const rate = opts.rate ?? 0.5;
  const maxPos = opts.maxPositiveWeight ?? 4;
  const maxFeatures = opts.maxFeatures ?? 5000;
  const minPositives = opts.minPositives ?? 3;
  const feats = examples.map((e) => postBuckets(e.post));
  const themes: Record<string, LinearThemeModel> = {};
  for (const id of themeIds) {
    const idx: number[] = [];
    let pos = 0;
    examples.forEach((e, i) => {
      const y = e.labels[id];
      if (y === undefined) return;
      idx.push(i);
      if (y) pos++;
    });
    const neg = idx.length - pos;
    if (pos < minPositives || neg === 0) continue;
    const wPos = id === ANY ? 1 : Math.min(maxPos, Math.max(1, neg / pos));
    const w = new Map<number, number>();
    const g2 = new Map<number, number>();
    let bias = 0;
    let gBias = 1e-8;
    // Deterministic order shuffle (linear congruential), so retraining is reproducible.
    let seed = 12345;
    const order = idx.slice();
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        const j = seed % (i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (const i of order) {
        const f = feats[i]!;
        const x = 1 / Math.sqrt(f.length || 1);
        let z = bias;
        for (const b of f) z += (w.get(b) ?? 0) * x;
        const p = 1 / (1 + Math.exp(-z));
        const y = examples[i]!.labels[id] ? 1 : 0;
        const cw = y ? wPos : 1;
        const g = (p - y) * cw;
        gBias += g * g;
        bias -= (rate / Math.sqrt(gBias)) * g;
        for (const b of f) {
          const wb = w.get(b) ?? 0;
          const gb = g * x + l2 * wb;
          const acc = (g2.get(b) ?? 1e-8) + gb * gb;
          g2.set(b, acc);
          w.set(b, wb - (rate / Math.sqrt(acc)) * gb);
        }
      }
    }
    const kept = [...w].filter(([, v]) => Math.abs(v) > 1e-4).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, maxFeatures);
    themes[id] = { bias: Math.round(bias * 1e5) / 1e5, weights: Object.fromEntries(kept.map(([b, v]) => [String(b), Math.round(v * 1e5) / 1e5])) };
  }
  return { dim: LINEAR_DIM, themes };
}

/** Probability that the post covers the theme, by the linear model alone (undefined: no model). */
export function linearProbability(model: LinearModel, themeId: string, post: PostInput): number | undefined {
  const m = model.themes[themeId];
  if (!m) return undefined;
  const f = postBuckets(post);
  const x = 1 / Math.sqrt(f.length || 1);
  let z = m.bias;
  for (const b of f) z += (m.weights[String(b)] ?? 0) * x;
  return 1 / (1 + Math.exp(-z));
}
