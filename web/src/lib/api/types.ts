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

export interface CoverageTheme {
  id: string;
  title: string;
  phaseLabel: string;
  class: string | null;
}

export interface CoverageCount {
  own: number;
  repost: number;
  /** Present when the server states coverage per cell (theme minimum applied). */
  covered?: boolean;
  /** Aggregate rows: how many of the subtree's units covered the theme, out of `units`. */
  coveredUnits?: number;
  units?: number;
}

export interface CoverageUnit {
  id: string;
  name: string;
  parentId: string | null;
  depth: number;
  score: number;
  previousScore: number | null;
  coveredCount: number;
  activeCount: number;
  postCount: number;
  /** Aligned with `Coverage.themes`. */
  counts: CoverageCount[];
}

export interface Coverage {
  plan: { id: string; code: string | null; title: string };
  month: string;
  months: string[];
  themes: CoverageTheme[];
  units: CoverageUnit[];
  trend: { month: string; averageScore: number }[];
}

/** A row of the overview: a unit standing for its whole subtree (a unit without sub-units: itself). */
export interface OverviewRow extends CoverageUnit {
  /** The level's own unit; the other rows are its sub-units. */
  isFocus: boolean;
  children: number;
  /** Units in the subtree, this one included. */
  units: number;
  ownScore: number;
  counts: (CoverageCount & { coveredUnits: number })[];
}

export interface Overview extends Omit<Coverage, 'units'> {
  focus: { id: string; name: string } | null;
  path: { id: string; name: string }[];
  summary: { averageScore: number | null; units: number; posts: number; fullUnits: number; silentUnits: number };
  rows: OverviewRow[];
  silent: { total: number; units: { id: string; name: string }[] };
}

export interface UnitSummary {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  depth: number;
}

export interface UnitTheme {
  id: string;
  title: string;
  phaseLabel: string;
  covered: boolean;
  own: number;
  repost: number;
}

export interface ThemeRef {
  id: string;
  title: string;
}

export interface UnitPost {
  id: string;
  title: string;
  url: string;
  publishedAt: string;
  isRepost: boolean;
  themes: ThemeRef[];
}

export interface Source {
  id: string;
  kind: string;
  url: string;
  state: string;
  lastSuccessAt: string | null;
  lastError: string | null;
  failureScore: number;
  nextPollAt: string | null;
}

export interface UnitDetail {
  unit: { id: string; name: string; kind: string; parentId: string | null };
  month: string;
  score: number;
  scoreSeries: { month: string; score: number }[];
  themes: UnitTheme[];
  posts: UnitPost[];
  sources: Source[];
  children: { id: string; name: string; score: number }[];
}

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
