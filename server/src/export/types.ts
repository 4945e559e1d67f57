import type { CoverageResponse } from '@tdtt/shared';
import type { ExportPeriod } from './period';

export type CoverageUnit = CoverageResponse['units'][number];

export interface ExportTheme {
  id: string;
  title: string;
  phaseLabel: string;
  class: string | null;
  startsOn: string | null;
  endsOn: string | null;
  minMatches: number;
  weight: number;
}

export interface ExportPost {
  unitId: string;
  day: string;
  publishedAt: string;
  title: string;
  url: string;
  themeIds: string[];
  isRepost: boolean;
}

/** Everything one export shows; built by `loadExport`, rendered by the pure writers. */
export interface ExportData {
  plan: { id: string; code: string | null; title: string };
  period: ExportPeriod;
  /** Whose units: 'Tất cả đơn vị' or the subtree root's name. */
  scopeLabel: string;
  /** Active in the period, in plan order (grouped by phase). */
  themes: ExportTheme[];
  /** Hierarchy order; counts aligned with themes (the coverage API's rows). */
  units: CoverageUnit[];
  /** The posts that counted, or null when left out. */
  posts: ExportPost[] | null;
  /** ISO instant of the latest finished collection, null before the first. */
  collectedAt: string | null;
  generatedAt: string;
}
