import { z } from 'zod';

/** A theme as the classifier sees it: plan-import output (keyphrases optional). */
export const classifierThemeSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  text: z.string(),
  keyphrases: z.array(z.string()).optional(),
  negativePhrases: z.array(z.string()).optional(),
});
export type ClassifierTheme = z.infer<typeof classifierThemeSchema>;

export interface PostInput {
  title: string;
  text: string;
  /** ISO 8601; optional. */
  published?: string | null;
}

/** Character span [start, end) in the original (un-normalised) title or text. */
export interface Evidence {
  field: 'title' | 'text';
  start: number;
  end: number;
  phrase: string;
}

export interface ThemeMatch {
  themeId: string;
  score: number;
  evidence: Evidence[];
}
