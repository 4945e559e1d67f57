import { request, type Fetch } from './client';
import type { ReviewFlag } from './posts';

export function decideTheme(postId: string, themeId: string, accepted: boolean, fetch?: Fetch): Promise<{ decision: { themeId: string; accepted: boolean; decidedAt: string } }> {
  return request('POST', `/posts/${encodeURIComponent(postId)}/decisions`, { body: { themeId, accepted }, fetch });
}

export function flagTheme(postId: string, themeId: string, note: string, fetch?: Fetch): Promise<{ flag: ReviewFlag }> {
  return request('POST', `/posts/${encodeURIComponent(postId)}/flag`, { body: { themeId, note }, fetch });
}

export interface LowConfidenceMatch {
  postId: string;
  postTitle: string;
  unitId: string;
  unitName: string;
  publishedAt: string;
  themeId: string;
  themeTitle: string;
  score: number;
}

export interface PendingSubmission {
  id: string;
  title: string;
  url: string;
  unitName: string;
  submittedBy: string;
  submittedAt: string;
  themeCount: number;
}

export interface ReviewQueue {
  modelVersion: string;
  lowConfidenceBelow: number;
  flags: ReviewFlag[];
  lowConfidence: LowConfidenceMatch[];
  submissions: PendingSubmission[];
}

export function getReviewQueue(fetch?: Fetch): Promise<ReviewQueue> {
  return request('GET', '/review', { fetch });
}

export function resolveFlag(id: string, action: 'confirm' | 'reject' | 'dismiss', fetch?: Fetch): Promise<{ flag: ReviewFlag }> {
  return request('POST', `/review/flags/${encodeURIComponent(id)}/resolve`, { body: { action }, fetch });
}

export interface ModelInfo {
  currentVersion: string;
  decisions: number;
  learned: { version: string; generation: number; decisions: number; trainedAt: string } | null;
}

export function getModelInfo(fetch?: Fetch): Promise<ModelInfo> {
  return request('GET', '/model', { fetch });
}

export function retrainModel(fetch?: Fetch): Promise<{ runId: string; model: { version: string; generation: number; decisions: number } }> {
  return request('POST', '/model/retrain', { fetch });
}
