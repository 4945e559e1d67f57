import { request, type Fetch } from './client';

export interface PlanRef {
  id: string;
  code: string | null;
  title: string;
}

export interface ThemeSummary {
  id: string;
  title: string;
  class: string | null;
  phaseLabel: string;
  startsOn: string | null;
  endsOn: string | null;
  minMatches: number;
}

export interface ThemeListItem extends ThemeSummary {
  state: 'upcoming' | 'active' | 'ended';
  coveredUnits: number;
  /** Share of the visible accountable units that covered the theme, 0–100. */
  share: number;
  own: number;
  repost: number;
}

export interface ThemeList {
  plan: PlanRef;
  today: string;
  unitCount: number;
  themes: ThemeListItem[];
}

export interface ThemeDetail {
  theme: ThemeSummary & { text: string };
  plan: PlanRef;
  from: string;
  to: string;
  series: { month: string; own: number; repost: number }[];
  focus: { id: string; name: string } | null;
  /** From the top of the caller's view down to the focus unit. */
  path: { id: string; name: string }[];
  /** One level: the focus unit and its sub-units, each summing its subtree. */
  units: {
    id: string;
    name: string;
    depth: number;
    isFocus: boolean;
    children: number;
    /** Units in the subtree and how many of them covered the theme. */
    units: number;
    coveredUnits: number;
    own: number;
    repost: number;
    covered: boolean;
    firstDay: string | null;
    lastDay: string | null;
  }[];
  topPosts: { id: string; title: string; url: string; unitId: string; unitName: string; publishedAt: string; isRepost: boolean; score: number }[];
}

export function listThemes(q: { plan?: string | null } = {}, fetch?: Fetch): Promise<ThemeList> {
  return request('GET', '/themes', { query: { plan: q.plan }, fetch });
}

export function getTheme(id: string, q: { from?: string | null; to?: string | null; unit?: string | null } = {}, fetch?: Fetch): Promise<ThemeDetail> {
  return request('GET', `/themes/${encodeURIComponent(id)}`, { query: { from: q.from, to: q.to, unit: q.unit }, fetch });
}
