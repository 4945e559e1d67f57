import type { PostInput, ThemeMatch, ClassifierTheme } from '@tdtt/shared';
import type { ClassifierModel } from '@tdtt/shared/classify';

/** Classifies one post at a time on the calling thread. */
export interface PostClassifier {
  version: string;
  classify(post: PostInput): ThemeMatch[];
}

/** Classifies batches elsewhere (ClassifyPool: worker threads). */
export interface BatchClassifier {
  version: string;
  classifyBatch(posts: PostInput[]): Promise<ThemeMatch[][]>;
}

/** Plain JSON a classifier is built from, and the version naming it. */
export interface ClassifierInputs {
  themes: ClassifierTheme[];
  model?: ClassifierModel;
  version: string;
}
