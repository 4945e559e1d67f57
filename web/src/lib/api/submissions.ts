import { request, type Fetch } from './client';

export interface Submission {
  id: string;
  unitId: string;
  unitName: string;
  url: string;
  title: string;
  publishedAt: string;
  reviewState: 'pending' | 'accepted' | 'rejected';
  submittedBy: string;
  submittedAt: string;
  fetched: boolean;
  fetchError: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  themeCount: number;
}

export interface NewSubmission {
  url: string;
  title: string;
  /** YYYY-MM-DD */
  publishedOn: string;
  text?: string;
  unitId?: string;
}

export function submitEvidence(body: NewSubmission, fetch?: Fetch): Promise<{ submission: Submission & { themes: string[] } }> {
  return request('POST', '/submissions', { body, fetch });
}

export function listSubmissions(query: { mine?: boolean; state?: Submission['reviewState'] } = {}, fetch?: Fetch): Promise<{ submissions: Submission[] }> {
  return request('GET', '/submissions', { query: { mine: query.mine ? '1' : undefined, state: query.state }, fetch });
}

export function reviewSubmission(id: string, action: 'accept' | 'reject', note?: string, fetch?: Fetch): Promise<{ submission: Submission }> {
  return request('POST', `/submissions/${encodeURIComponent(id)}/${action}`, { body: note ? { note } : {}, fetch });
}
