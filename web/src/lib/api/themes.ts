import { request, type Fetch } from './client';

import type { ThemeDetail, ThemeList } from './types';

export function listThemes(q: { plan?: string | null } = {}, fetch?: Fetch): Promise<ThemeList> {
  return request('GET', '/themes', { query: { plan: q.plan }, fetch });
}

export function getTheme(id: string, q: { from?: string | null; to?: string | null; unit?: string | null; month?: string | null } = {}, fetch?: Fetch): Promise<ThemeDetail> {
  return request('GET', `/themes/${encodeURIComponent(id)}`, { query: { from: q.from, to: q.to, unit: q.unit, month: q.month }, fetch });
}
