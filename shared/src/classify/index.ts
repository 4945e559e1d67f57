export { buildClassifier, DEFAULT_THRESHOLD, type Classifier, type ClassifierOptions } from './classifier';
export { deriveKeyphrases, namedReferences, quotedPhrases, salientNgrams } from './derive';
export { buildCorpusStats, phraseDocShare, type CorpusStats } from './corpus';
export { trainFromDecisions, postFeatures, type Decision, type TrainOptions } from './train';
export { buildThemePhrases, conceptsForTitle, type ThemePhrases, type WeightedPhrase, type PhraseSource } from './phrases';
export { CONCEPTS, type Concept } from './concepts';
export { TokenAutomaton } from './automaton';
export type { ClassifierModel } from './model';
export { evaluateClassifier, parseGoldJsonl, type EvalReport, type GoldPost, type ThemeScore } from './evaluate';
