import type { ClassifierTheme, PostInput } from '../schema/classify';
import { canonicalTokens } from '../text';
import { buildClassifier, DEFAULT_THRESHOLD, type ClassifierOptions } from './classifier';
import { trainLinear, type LinearExample, type LinearTrainOptions } from './linear';
import { hashString, type ClassifierModel } from './model';
import { STOP_EDGE } from './stopwords';

export interface Decision {
  post: PostInput;
  themeId: string;
  /** true: staff confirmed the match or added the theme; false: staff rejected it. */
  accepted: boolean;
}

export interface TrainOptions extends ClassifierOptions {
  epochs?: number;
  /** Scores are pushed this far past the threshold (default 0.5). */
  margin?: number;
  /** Largest step per example (PA-I aggressiveness, default 2). */
  maxStep?: number;
  /** Features kept per theme, by absolute weight (default 4000). */
  maxFeatures?: number;
  /** Labelled posts the linear model also learns from (e.g. the real development set). */
  seed?: readonly LinearExample[];
  /** Options of the linear model; false leaves it out. */
  linearTraining?: LinearTrainOptions | false;
}

/** Canonical unigrams and bigrams of a post, function words left out of unigrams. */
export function postFeatures(post: PostInput): string[] {
  const feats = new Set<string>();
  for (const source of [post.title ?? '', post.text ?? '']) {
    const toks = canonicalTokens(source).map((t) => t.t);
    for (let i = 0; i < toks.length; i++) {
      const a = toks[i]!;
      if (!STOP_EDGE.has(a) && !/^\d+$/.test(a)) feats.add(a);
      if (i + 1 < toks.length && !(STOP_EDGE.has(a) && STOP_EDGE.has(toks[i + 1]!))) feats.add(a + ' ' + toks[i + 1]!);
    }
  }
  return [...feats];
}

/**
 * Passive-aggressive training of a per-theme linear correction on top of the keyphrase score,
 * continuing from prev. Seeded by the keyphrases: the base score is the starting point, so
 * a theme without decisions keeps behaving as before.
 */
export function trainFromDecisions(
  themes: readonly ClassifierTheme[],
  decisions: readonly Decision[],
  prev?: ClassifierModel,
  opts: TrainOptions = {},
): ClassifierModel {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const margin = opts.margin ?? 0.5;
  const maxStep = opts.maxStep ?? 2;
  const epochs = opts.epochs ?? 8;
  const base = buildClassifier(themes, { ...opts, model: undefined, linear: undefined, threshold, minScore: 0, relativeFloor: 0 });
  const known = new Set(themes.map((t) => t.id));
  const model: ClassifierModel['themes'] = {};
  for (const [id, m] of Object.entries(prev?.themes ?? {})) model[id] = { bias: m.bias, weights: { ...m.weights } };

  const examples = decisions
    .filter((d) => known.has(d.themeId))
    .map((d) => {
      const baseScore = base.classify(d.post).find((m) => m.themeId === d.themeId)?.score ?? 0;
      return { d, baseScore, feats: postFeatures(d.post) };
    });
  for (let epoch = 0; epoch < epochs; epoch++) {
    let changed = false;
    for (const { d, baseScore, feats } of examples) {
      const m = (model[d.themeId] ??= { bias: 0, weights: {} });
      let s = baseScore + m.bias;
      for (const f of feats) s += m.weights[f] ?? 0;
      const y = d.accepted ? 1 : -1;
      const loss = Math.max(0, margin - y * (s - threshold));
      if (loss <= 0) continue;
      const step = Math.min(maxStep, loss / (feats.length + 1));
      m.bias += y * step;
      for (const f of feats) m.weights[f] = (m.weights[f] ?? 0) + y * step;
      changed = true;
    }
    if (!changed) break;
  }
  const maxFeatures = opts.maxFeatures ?? 4000;
  for (const m of Object.values(model)) {
    const kept = Object.entries(m.weights)
      .filter(([, w]) => Math.abs(w) > 1e-4)
      .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
      .slice(0, maxFeatures);
    m.weights = Object.fromEntries(kept.map(([f, w]) => [f, Math.round(w * 1e5) / 1e5]));
    m.bias = Math.round(m.bias * 1e5) / 1e5;
  }
  const generation = (prev?.generation ?? 0) + 1;
  // The linear model is retrained from scratch on every decision so far plus the seed set.
  const linear =
    opts.linearTraining === false
      ? undefined
      : trainLinear(
          themes.map((t) => t.id),
          [...(opts.seed ?? []), ...decisions.filter((d) => known.has(d.themeId)).map((d) => ({ post: d.post, labels: { [d.themeId]: d.accepted } }))],
          opts.linearTraining,
        );
  const hasLinear = linear && Object.keys(linear.themes).length > 0;
  return {
    version: `m${generation}-${hashString(JSON.stringify([model, hasLinear ? linear : null]))}`,
    generation,
    themes: model,
    ...(hasLinear ? { linear } : {}),
  };
}
