// Wire types of the JSON API (see helpers/api.md). Ids are strings; dates YYYY-MM-DD; months YYYY-MM.

export type Role = 'admin' | 'staff' | 'lead';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  unitName: string | null;
}

export interface HealthJob {
  name: string;
  schedule: string;
  lastRunAt: string | null;
  nextRunAt: string | null;
}

export interface Health {
  ok: boolean;
  db: 'ok' | 'error';
  scheduler: { running: boolean; jobs: HealthJob[] };
}

export interface PlanSummary {
  id: string;
  code: string | null;
  title: string;
  issuer: string;
  issuedOn: string;
  version: number | string;
  parentId: string | null;
  isDefault: boolean;
  unitIds: string[];
  phaseCount: number;
  themeCount: number;
}

export interface PlanTheme {
  id: string;
  title: string;
  text: string;
  class: string | null;
  group: string | null;
  keyphrases: string[];
}

export interface PlanPhase {
  id: string;
  label: string;
  startsOn: string;
  endsOn: string;
  themes: PlanTheme[];
}

export interface Anniversary {
  id: string;
  event: string;
  date: string;
  precision: string;
  years: number | null;
}

export interface PlanDetail {
  id: string;
  code: string | null;
  title: string;
  issuer: string;
  issuedOn: string;
  version: number | string;
  parentId: string | null;
  implements: { code: string; kind: string; date: string; issuer: string }[];
  phases: PlanPhase[];
  anniversaries: Anniversary[];
}

// Coverage, overview, unit and theme pages: inferred from the server's response schemas (shared/src/schema).
export type {
  CoverageResponse as Coverage,
  OverviewResponse as Overview,
  OverviewRow,
  UnitSummary,
  UnitDetailResponse as UnitDetail,
  UnitFiguresResponse as UnitFigures,
  ThemeListResponse as ThemeList,
  ThemeDetailResponse as ThemeDetail,
  ExportTableResponse as ExportTable,
} from '@tdtt/shared';
import type { CoverageResponse, ThemeListResponse, UnitDetailResponse } from '@tdtt/shared';
export type CoverageTheme = CoverageResponse['themes'][number];
export type CoverageUnit = CoverageResponse['units'][number];
export type CoverageCount = CoverageUnit['counts'][number];
export type UnitTheme = UnitDetailResponse['themes'][number];
export type UnitPost = UnitDetailResponse['posts'][number];
export type ThemeRef = UnitPost['themes'][number];
export type Source = UnitDetailResponse['sources'][number];
export type ThemeListItem = ThemeListResponse['themes'][number];

export interface Evidence {
  field: 'title' | 'text';
  start: number;
  end: number;
  phrase: string;
}

export interface PostMatch {
  themeId: string;
  themeTitle: string;
  score: number;
  evidence: Evidence[];
}

export interface Post {
  id: string;
  unitId: string;
  unitName: string;
  title: string;
  url: string;
  publishedAt: string;
  text: string;
  /** Sanitised by the server; not rendered (marks are built from `text`). */
  html?: string;
  isRepost: boolean;
  repostOf: string | null;
  matches: PostMatch[];
}

export type JobName = 'collect' | 'classify' | 'rollup';

export interface RunningJob {
  id: string;
  job: string;
  startedAt: string;
  done: number;
  total: number;
}

export interface JobRun {
  id: string;
  job: string;
  startedAt: string;
  finishedAt: string | null;
  status: 'ok' | 'error' | 'running';
  stats: Record<string, unknown>;
  error: string | null;
}

export interface Jobs {
  running: RunningJob[];
  recent: JobRun[];
}
