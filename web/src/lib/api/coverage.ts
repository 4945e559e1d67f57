import { request, type Fetch } from './client';
import type { Coverage } from './types';

export interface PeriodQuery {
  plan?: string | null;
  /** YYYY-MM */
  month?: string | null;
}

export function getCoverage(q: PeriodQuery = {}, fetch?: Fetch): Promise<Coverage> {
  return request('GET', '/coverage', { query: { plan: q.plan, month: q.month }, fetch });
}
