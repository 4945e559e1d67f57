import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClassifierInputs, PostClassifier } from '@tdtt/jobs/classify';
import { buildClassifier, parseGoldJsonl, trainFromDecisions, type ClassifierModel, type LinearExample } from '@tdtt/shared/classify';
import type { ClassifierTheme } from '@tdtt/shared';
import type { Database, Queryable } from '../db/connection';
import * as q from '../db/queries';

const MODEL_KEY = 'model_version';

/** The model version whose matches the dashboard counts ('none' before the first classification). */
export async function currentModelVersion(db: Queryable): Promise<string> {
  return (await q.getSetting(db, MODEL_KEY)) ?? 'none';
}

export async function setCurrentModelVersion(db: Queryable, version: string): Promise<void> {
  await q.setSetting(db, MODEL_KEY, version);
}

async function classifierThemes(db: Queryable): Promise<ClassifierTheme[]> {
  const themes = await q.currentThemes(db);
  return themes.map((t) => ({
    id: t.id,
    title: t.title,
    text: t.text,
    keyphrases: JSON.parse(t.keyphrases_json) as string[],
    negativePhrases: JSON.parse(t.negative_json) as string[],
  }));
}

/** The newest model learned from staff decisions, or undefined before the first retraining. */
export async function learnedModel(db: Queryable): Promise<ClassifierModel | undefined> {
  const row = await q.latestModel(db);
  return row ? (JSON.parse(row.model_json) as ClassifierModel) : undefined;
}

/**
 * The plain inputs of the classifier for the themes of every current plan, with the learned model
 * (what a ClassifyPool builds its workers from). The version names the classifier, the learned
 * model and the theme set, so importing or editing a plan, or retraining, leads to a re-classification.
 */
export async function loadClassifierInputs(db: Queryable): Promise<ClassifierInputs> {
  return (await load(db)).inputs;
}

async function load(db: Queryable) {
  const [themes, model] = await Promise.all([classifierThemes(db), learnedModel(db)]);
  // Built here too (once per run, cheap next to classifying): its version depends on the phrases it derives.
  const classifier = buildClassifier(themes, { model });
  const themeHash = createHash('sha256').update(JSON.stringify(themes)).digest('hex').slice(0, 8);
  return { classifier, inputs: { themes, model, version: `${classifier.version}+${themeHash}` } };
}

/** The same classifier on this thread. */
export async function loadClassifier(db: Queryable): Promise<PostClassifier> {
  const { classifier, inputs } = await load(db);
  return { version: inputs.version, classify: (post) => classifier.classify(post) };
}

/** The labelled real posts the linear model starts from (CLASSIFIER_SEED_DIR, else the repository's fixture). */
const defaultSeedDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../tests/fixtures/classifier-real');

/**
 * Seed examples for the linear model: each labelled post says yes/no for every current theme that
 * the seed's own theme list knows (themes.json beside posts.jsonl); other themes stay unknown.
 */
export function loadSeedExamples(themeIds: readonly string[], dir = process.env.CLASSIFIER_SEED_DIR ?? defaultSeedDir): LinearExample[] {
  try {
    const known = new Set<string>((JSON.parse(fs.readFileSync(path.join(dir, 'themes.json'), 'utf8')) as { id: string }[]).map((t) => t.id));
    const ids = themeIds.filter((id) => known.has(id));
    if (!ids.length) return [];
    return parseGoldJsonl(fs.readFileSync(path.join(dir, 'posts.jsonl'), 'utf8')).map((g) => ({
      post: g,
      labels: Object.fromEntries(ids.map((id) => [id, g.labels.includes(id)])),
    }));
  } catch {
    return [];
  }
}

/** Trains a new model generation from every staff decision (continuing from the last one) and stores it. */
export async function retrainModel(db: Database, trainedBy: string | null, now: Date): Promise<{ version: string; generation: number; decisions: number }> {
  const [themes, prev, rows] = await Promise.all([classifierThemes(db), learnedModel(db), q.trainingDecisions(db)]);
  const decisions = rows.map((r) => ({ post: { title: r.title, text: r.text, published: r.published_at }, themeId: r.theme_id, accepted: r.accepted }));
  const seed = loadSeedExamples(themes.map((t) => t.id));
  const model = trainFromDecisions(themes, decisions, prev, { seed });
  await db.transaction((tx) =>
    q.insertModel(tx, { version: model.version, generation: model.generation, json: JSON.stringify(model), decisions: decisions.length, trainedBy, at: now }),
  );
  return { version: model.version, generation: model.generation, decisions: decisions.length };
}
