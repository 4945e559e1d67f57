// The real development set (tests/fixtures/classifier-real): phrases alone, phrases + linear
// model under 5-fold cross-validation of the development part, the held-out fifth with a model
// trained on the development part only, and the new-themes plan (phrases only: no training data).
import fs from 'node:fs';
import path from 'node:path';
import { classifierThemeSchema } from '@tdtt/shared/schema';
import {
  buildCorpusStats,
  crossValidate,
  evaluateClassifier,
  parseGoldJsonl,
  scorePredictions,
  buildClassifier,
  trainLinear,
  type ClassifierOptions,
  type EvalReport,
  type GoldPost,
} from '@tdtt/shared/classify';

export interface RealEval {
  posts: number;
  heldOut: number;
  phrasesOnly: EvalReport;
  crossValidated: EvalReport;
  heldOutReport: EvalReport;
  newThemes: EvalReport;
}

export function loadReal(dir: string) {
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  const themes = classifierThemeSchema.array().parse(JSON.parse(read('themes.json')));
  const posts = parseGoldJsonl(read('posts.jsonl'));
  const held = new Set(read('heldout.txt').split('\n').map((l) => l.trim()).filter(Boolean));
  const newThemes = classifierThemeSchema.array().parse(JSON.parse(read('new-themes.json')));
  const newLabels = new Map(parseGoldJsonl(read('new-themes-labels.jsonl')).map((g) => [g.id, g.labels]));
  return { themes, posts, held, newThemes, newLabels };
}

/** Options for a classifier whose linear model learns from trainSet (labels complete per post). */
export function trainedOptions(themeIds: string[], trainSet: readonly GoldPost[], stats: ClassifierOptions['stats']): ClassifierOptions {
  const linear = trainLinear(
    themeIds,
    trainSet.map((g) => ({ post: g, labels: Object.fromEntries(themeIds.map((id) => [id, g.labels.includes(id)])) })),
  );
  return { stats, linear };
}

export function evaluateReal(dir: string): RealEval {
  const { themes, posts, held, newThemes, newLabels } = loadReal(dir);
  const ids = themes.map((t) => t.id);
  const stats = buildCorpusStats(posts.map((g) => `${g.title}\n${g.text}`));
  const dev = posts.filter((g) => !held.has(g.id));
  const test = posts.filter((g) => held.has(g.id));
  const phrasesOnly = evaluateClassifier(themes, posts, { stats });
  const crossValidated = crossValidate(themes, dev, (trainSet) => trainedOptions(ids, trainSet, stats));
  const finalClf = buildClassifier(themes, trainedOptions(ids, dev, stats));
  const heldOutReport = scorePredictions(themes, test, test.map((g) => finalClf.classify(g).map((m) => m.themeId)), `${finalClf.version.split('+')[0]} · held-out`);
  const ntGold = posts.filter((g) => newLabels.has(g.id)).map((g) => ({ ...g, labels: newLabels.get(g.id)! }));
  const newThemesReport = evaluateClassifier(newThemes, ntGold, { stats });
  return { posts: posts.length, heldOut: test.length, phrasesOnly, crossValidated, heldOutReport, newThemes: newThemesReport };
}
