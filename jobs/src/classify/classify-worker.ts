import { workerData } from 'node:worker_threads';
import { buildClassifier } from '@tdtt/shared/classify';
import type { PostInput } from '@tdtt/shared';
import { serveWorker } from '../workers';
import type { ClassifierInputs } from './pool';

// Worker side of ClassifyPool: the classifier is built once from plain inputs, then one batch in, one batch out.
const { themes, model } = workerData as ClassifierInputs;
const classifier = buildClassifier(themes, { model });

serveWorker((posts: PostInput[]) => posts.map((p) => classifier.classify(p)));
