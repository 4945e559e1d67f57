import { request, type Fetch } from './client';
import type { PlanDetail, PlanSummary } from './types';

export function listPlans(fetch?: Fetch): Promise<{ plans: PlanSummary[] }> {
  return request('GET', '/plans', { fetch });
}

export function getPlan(id: string, fetch?: Fetch): Promise<{ plan: PlanDetail }> {
  return request('GET', `/plans/${encodeURIComponent(id)}`, { fetch });
}
