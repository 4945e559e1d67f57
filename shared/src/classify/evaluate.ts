import type { ClassifierTheme, PostInput } from '../schema/classify';
import { buildClassifier, type ClassifierOptions } from './classifier';
import { buildCorpusStats } from './corpus';

export interface GoldPost extends PostInput {
  id: string;
  labels: string[];
}

export interface ThemeScore {
  themeId: string;
  support: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalReport {
  version: string;
  posts: number;
  perTheme: ThemeScore[];
  microF1: number;
  macroF1: number;
  microPrecision: number;
  microRecall: number;
  noThemePosts: number;
  noThemeFalsePositiveRate: number;
  /** gold → predicted instead (fn of gold paired with fp in the same post), most frequent first */
  confusions: { gold: string; predicted: string; count: number }[];
  errors: { id: string; gold: string[]; predicted: string[] }[];
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const ratio = (a: number, b: number, empty: number) => (b === 0 ? empty : a / b);

/**
 * Scores a classifier against labelled posts. By default it learns document frequencies from
 * the posts' own text (no labels), as the product does from its collected corpus.
 */
export function evaluateClassifier(
  themes: readonly ClassifierTheme[],
  gold: readonly GoldPost[],
  opts: ClassifierOptions & { corpusFromGold?: boolean } = {},
): EvalReport {
  const stats = opts.stats ?? (opts.corpusFromGold === false ? undefined : buildCorpusStats(gold.map((g) => `${g.title}\n${g.text}`)));
  const clf = buildClassifier(themes, { ...opts, stats });
  return scorePredictions(themes, gold, gold.map((post) => clf.classify(post).map((m) => m.themeId)), clf.version);
}

/** The report for given predictions (one list of theme ids per gold post, same order). */
export function scorePredictions(themes: readonly ClassifierTheme[], gold: readonly GoldPost[], predictions: readonly string[][], version: string): EvalReport {
  const counts = new Map(themes.map((t) => [t.id, { tp: 0, fp: 0, fn: 0, support: 0 }]));
  const confusion = new Map<string, number>();
  const errors: EvalReport['errors'] = [];
  let noTheme = 0;
  let noThemeFp = 0;
  gold.forEach((post, i) => {
    const predicted = predictions[i]!;
    const g = new Set(post.labels);
    const p = new Set(predicted);
    if (g.size === 0) {
      noTheme++;
      if (p.size > 0) noThemeFp++;
    }
    for (const id of g) {
      const c = counts.get(id);
      if (!c) continue;
      c.support++;
      if (p.has(id)) c.tp++;
      else c.fn++;
    }
    for (const id of p) {
      const c = counts.get(id);
      if (c && !g.has(id)) c.fp++;
    }
    const missed = [...g].filter((x) => !p.has(x));
    const extra = [...p].filter((x) => !g.has(x));
    for (const a of missed.length ? missed : ['(none)']) {
      for (const b of extra) confusion.set(`${a}\u0000${b}`, (confusion.get(`${a}\u0000${b}`) ?? 0) + 1);
    }
    if (missed.length || extra.length) errors.push({ id: post.id, gold: [...g], predicted });
  });
  const perTheme: ThemeScore[] = [...counts].map(([themeId, c]) => {
    const precision = ratio(c.tp, c.tp + c.fp, c.support === 0 ? 1 : 0);
    const recall = ratio(c.tp, c.tp + c.fn, 1);
    return { themeId, ...c, precision, recall, f1: c.support === 0 && c.fp === 0 ? 1 : f1(precision, recall) };
  });
  const tp = perTheme.reduce((s, t) => s + t.tp, 0);
  const fp = perTheme.reduce((s, t) => s + t.fp, 0);
  const fn = perTheme.reduce((s, t) => s + t.fn, 0);
  const microPrecision = ratio(tp, tp + fp, 1);
  const microRecall = ratio(tp, tp + fn, 1);
  const scored = perTheme.filter((t) => t.support > 0);
  return {
    version,
    posts: gold.length,
    perTheme,
    microF1: f1(microPrecision, microRecall),
    macroF1: scored.reduce((s, t) => s + t.f1, 0) / Math.max(1, scored.length),
    microPrecision,
    microRecall,
    noThemePosts: noTheme,
    noThemeFalsePositiveRate: ratio(noThemeFp, noTheme, 0),
    confusions: [...confusion]
      .map(([k, count]) => {
        const [g, p] = k.split('\u0000');
        return { gold: g!, predicted: p!, count };
      })
      .sort((a, b) => b.count - a.count),
    errors,
  };
}

/** Parses gold JSON lines; blank lines are skipped. */
export function parseGoldJsonl(text: string): GoldPost[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const o = JSON.parse(l) as Partial<GoldPost>;
      return { id: String(o.id ?? ''), title: o.title ?? '', text: o.text ?? '', published: o.published ?? null, labels: o.labels ?? [] };
    });
}

/**
 * k-fold cross-validation of phrases + linear model: for each fold the model is trained on the
 * other folds only (train gets their posts), then the fold is predicted. Folds are assigned by a
 * seeded shuffle, stratified by each post's first label.
 */
export function crossValidate(
  themes: readonly ClassifierTheme[],
  gold: readonly GoldPost[],
  train: (trainSet: readonly GoldPost[]) => ClassifierOptions,
  folds = 5,
  seed = 7,
): EvalReport {
  const fold = new Array<number>(gold.length);
  const strata = new Map<string, number[]>();
  gold.forEach((g, i) => {
    const k = [...g.labels].sort()[0] ?? '';
    if (!strata.has(k)) strata.set(k, []);
    strata.get(k)!.push(i);
  });
  let s = seed >>> 0;
  let next = 0;
  for (const k of [...strata.keys()].sort()) {
    const ids = strata.get(k)!;
    for (let i = ids.length - 1; i > 0; i--) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      const j = s % (i + 1);
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    for (const i of ids) fold[i] = next++ % folds;
  }
  const predictions: string[][] = new Array(gold.length);
  let version = '';
  for (let f = 0; f < folds; f++) {
    const trainSet = gold.filter((_, i) => fold[i] !== f);
    const opts = train(trainSet);
    const clf = buildClassifier(themes, opts);
    version = clf.version.split('+')[0]!;
    gold.forEach((g, i) => {
      if (fold[i] === f) predictions[i] = clf.classify(g).map((m) => m.themeId);
    });
  }
  return scorePredictions(themes, gold, predictions, `${version} · ${folds}-fold CV`);
}
