import { parentPort, workerData } from 'node:worker_threads';
import { buildClassifier } from '@tdtt/shared/classify';
import type { PostInput } from '@tdtt/shared';
import type { ClassifierInputs } from './pool';

// Worker side of ClassifyPool: the classifier is built once from plain inputs, then one batch in, one batch out.
const { themes, model } = workerData as ClassifierInputs;
const classifier = buildClassifier(themes, { model });

parentPort!.on('message', (msg: { id: number; posts: PostInput[] }) => {
  try {
    parentPort!.postMessage({ id: msg.id, ok: true, value: msg.posts.map((p) => classifier.classify(p)) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, ok: false, error: (e as Error).message ?? String(e) });
  }
});
