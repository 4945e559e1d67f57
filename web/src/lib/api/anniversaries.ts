import { request, type Fetch } from './client';
type PlanRef = { id: string; code: string | null; title: string };

export type Timeliness = 'on-time' | 'late' | 'silent' | 'pending';

export interface AnniversaryStatus {
  id: string;
  event: string;
  date: string;
  precision: string;
  years: number | null;
  /** The day marked this year (YYYY-MM-DD), null when the plan gives no exact day. */
  on: string | null;
  window: { from: string; to: string } | null;
  state: 'upcoming' | 'open' | 'closed' | 'undated';
  counts: { onTime: number; late: number; silent: number; pending: number };
  units: { unitId: string; status: Timeliness; firstDay: string | null }[];
}

export interface AnniversaryList {
  plan: PlanRef;
  today: string;
  window: { daysBefore: number; daysAfter: number };
  rule: { kind: 'themes' | 'event-text'; themes: { id: string; title: string }[] };
  units: { id: string; name: string; depth: number }[];
  anniversaries: AnniversaryStatus[];
}

export function listAnniversaries(q: { plan?: string | null } = {}, fetch?: Fetch): Promise<AnniversaryList> {
  return request('GET', '/anniversaries', { query: { plan: q.plan }, fetch });
}
