import { request, type Fetch } from './client';
import type { PeriodQuery } from './coverage';
import type { UnitDetail, UnitSummary } from './types';

export function listUnits(fetch?: Fetch): Promise<{ units: UnitSummary[] }> {
  return request('GET', '/units', { fetch });
}

export function getUnit(id: string, q: PeriodQuery = {}, fetch?: Fetch): Promise<UnitDetail> {
  return request('GET', `/units/${encodeURIComponent(id)}`, { query: { plan: q.plan, month: q.month }, fetch });
}
