import { createHash } from 'node:crypto';
import type { PostClassifier } from '@tdtt/jobs/classify';
import { buildClassifier } from '@tdtt/shared/classify';
import type { Queryable } from '../db/connection';
import * as q from '../db/queries';

const MODEL_KEY = 'model_version';

/** The model version whose matches the dashboard counts ('none' before the first classification). */
export async function currentModelVersion(db: Queryable): Promise<string> {
  return (await q.getSetting(db, MODEL_KEY)) ?? 'none';
}

export async function setCurrentModelVersion(db: Queryable, version: string): Promise<void> {
  await q.setSetting(db, MODEL_KEY, version);
}

/**
 * The classifier for the themes of every current plan. Its version names both the classifier and
 * the theme set, so importing or editing a plan leads to a re-classification.
 */
export async function loadClassifier(db: Queryable): Promise<PostClassifier> {
  const themes = await q.currentThemes(db);
  const input = themes.map((t) => ({
    id: t.id,
    title: t.title,
    text: t.text,
    keyphrases: JSON.parse(t.keyphrases_json) as string[],
    negativePhrases: JSON.parse(t.negative_json) as string[],
  }));
  const classifier = buildClassifier(input);
  const themeHash = createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 8);
  const version = `${classifier.version}+${themeHash}`;
  return { version, classify: (post) => classifier.classify(post) };
}
