import { request, type Fetch } from './client';
import type { Post, PostMatch } from './types';

/** A staff decision on one theme of a post: who, when. */
export interface ThemeDecision {
  themeId: string;
  themeTitle: string;
  accepted: boolean;
  by: string;
  at: string;
}

export interface ReviewFlag {
  id: string;
  postId: string;
  postTitle: string;
  unitId: string;
  unitName: string;
  themeId: string;
  themeTitle: string;
  note: string;
  flaggedBy: string;
  flaggedAt: string;
  resolvedAt: string | null;
  resolution: 'confirmed' | 'rejected' | 'dismissed' | null;
}

export interface ReviewedMatch extends PostMatch {
  /** null: added by staff, not by the model. */
  modelVersion: string | null;
  decision: ThemeDecision | null;
}

export interface PostView extends Post {
  origin: string;
  modelVersion: string;
  matches: ReviewedMatch[];
  /** Automatic matches staff rejected (not counted). */
  rejected: { themeId: string; themeTitle: string; score: number; modelVersion: string; decision: ThemeDecision }[];
  decisions: ThemeDecision[];
  flags: ReviewFlag[];
}

export interface ThemeChoice {
  id: string;
  title: string;
  numbering: string | null;
  /** The plan (assigned to the post's unit) the theme belongs to. */
  plan: { id: string; code: string | null; title: string };
}

/** The post with its matches, decisions and flags; `themes` (for adding a missed theme) is filled for staff only. */
export function getPost(id: string, fetch?: Fetch): Promise<{ post: PostView; themes: ThemeChoice[] }> {
  return request('GET', `/posts/${encodeURIComponent(id)}`, { fetch });
}
