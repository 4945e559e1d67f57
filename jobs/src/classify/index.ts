import type { PostInput, ThemeMatch } from '@tdtt/shared';
import type { ClassifyStore } from '../ports';
import type { BatchClassifier, PostClassifier } from './types';

export type { BatchClassifier, ClassifierInputs, PostClassifier } from './types';
export { ClassifyPool, type ClassifyPoolOptions } from './pool';

function batchOf(classifier: PostClassifier | BatchClassifier): (posts: PostInput[]) => Promise<ThemeMatch[][]> {
  if ('classifyBatch' in classifier) return (posts) => classifier.classifyBatch(posts);
  return async (posts) => posts.map((p) => classifier.classify(p));
}

/**
 * Classifies every post the model version has not seen yet, in batches, committing each batch,
 * so an interrupted run resumes where it stopped. Matches record the version that made them.
 */
export async function classifyPosts(
  store: ClassifyStore,
  classifier: PostClassifier | BatchClassifier,
  opts: { batch?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ classified: number; matched: number; matches: number }> {
  const batch = opts.batch ?? 500;
  const total = await store.countPostsToClassify(classifier.version);
  let done = 0;
  let matched = 0;
  let matchCount = 0;
  let after = 0;
  const classifyBatch = batchOf(classifier);
  opts.onProgress?.(0, total);
  for (;;) {
    const posts = await store.postsToClassify(classifier.version, after, batch);
    if (posts.length === 0) break;
    const all = await classifyBatch(posts.map((p) => ({ title: p.title, text: p.text, published: p.publishedAt })));
    const results = posts.map((p, i) => {
      const matches = all[i]!;
      if (matches.length) matched++;
      matchCount += matches.length;
      return { postId: p.id, matches };
    });
    await store.saveMatches(classifier.version, results);
    after = posts[posts.length - 1]!.id;
    done += posts.length;
    opts.onProgress?.(done, Math.max(total, done));
  }
  return { classified: done, matched, matches: matchCount };
}
