import type { ThemeDetailResponse, ThemeListResponse } from '@tdtt/shared';
import { isCovered, isSubtreeCovered, monthsBetween, relativeDepths, vietnamDay } from '@tdtt/shared/score';
import type { Queryable } from '../db/connection';
import * as q from '../db/queries';
import { notFound } from '../middleware/errors';
import type { Scope } from '../middleware/scope';
import { currentModelVersion } from '../runtime/model';
import { resolveMonth, resolvePlan } from './coverage';
import { monthFigures } from './figures';
import { resolveLevel } from './level';

const EARLIEST = '1900-01-01';

/** A theme's days: its phase window, closed at today when the phase is still running. */
function themeRange(t: q.ThemeRow, today: string): { from: string; to: string } {
  const to = t.ends_on && t.ends_on < today ? t.ends_on : today;
  return { from: t.starts_on ?? EARLIEST, to };
}

function themeSummary(t: q.ThemeRow) {
  return { id: t.id, title: t.title, class: t.class, phaseLabel: t.phase_label, startsOn: t.starts_on, endsOn: t.ends_on, minMatches: t.min_matches };
}

/** Themes of a plan with how many of the visible accountable units covered each over its phase (so far). */
export async function themeListView(db: Queryable, scope: Scope, query: { plan?: string }, now: Date): Promise<ThemeListResponse> {
  const plan = await resolvePlan(db, query.plan, scope);
  const today = vietnamDay(now);
  const [themes, level] = await Promise.all([q.planThemes(db, plan.id), resolveLevel(db, scope, plan.id, undefined)]);
  const roots = level.rows.filter((u) => level.rootIds.includes(u.id));
  const unitCount = roots.reduce((a, u) => a + u.units, 0);
  const totals = await q.subtreeThemeTotalsOfPlan(db, plan.id, level.rootIds);
  const byTheme = new Map<string, q.SubtreeThemeRow[]>();
  for (const r of totals) byTheme.set(r.theme_id, [...(byTheme.get(r.theme_id) ?? []), r]);
  return {
    plan: { id: plan.id, code: plan.code, title: plan.title },
    today,
    unitCount,
    themes: themes.map((t) => {
      const rows = byTheme.get(t.id) ?? [];
      const covered = rows.reduce((a, r) => a + r.covered_units, 0);
      const started = !t.starts_on || t.starts_on <= today;
      return {
        ...themeSummary(t),
        state: !started ? 'upcoming' : t.ends_on && t.ends_on < today ? 'ended' : 'active',
        coveredUnits: covered,
        share: unitCount === 0 ? 0 : Math.round((1000 * covered) / unitCount) / 10,
        own: rows.reduce((a, r) => a + r.own, 0),
        repost: rows.reduce((a, r) => a + r.repost, 0),
      };
    }),
  };
}

/**
 * One theme: which units covered it (one level of the hierarchy, each row summing its subtree),
 * monthly series (own vs reposts), strongest posts. Over the phase the figures are the stored
 * roll-ups; a custom date range is computed on the spot.
 */
export async function themeDetailView(db: Queryable, scope: Scope, id: string, query: { from?: string; to?: string; unit?: string; month?: string }, now: Date): Promise<ThemeDetailResponse> {
  const theme = (await q.themeById(db, id)) ?? null;
  if (!theme) throw notFound(`chủ đề "${id}"`);
  const [plan, level] = await Promise.all([resolvePlan(db, theme.plan_id, scope), resolveLevel(db, scope, theme.plan_id, query.unit)]);
  const today = vietnamDay(now);
  const range = themeRange(theme, today);
  const from = query.from ?? range.from;
  const to = query.to ?? range.to;
  const custom = query.from !== undefined || query.to !== undefined;
  const ids = level.rows.map((u) => u.id);
  // The units' figures (score, covered, ranks) of a month: the one asked for, or the plan's latest.
  const month = (await resolveMonth(db, theme.plan_id, query.month, now)).month;
  const [rows, series, posts, path, figures] = await Promise.all([
    custom ? q.subtreeThemeTotalsInRange(db, id, theme.min_matches, ids, from, to) : q.subtreeThemeTotals(db, id, ids),
    custom ? q.themeSeriesInRange(db, id, level.rootIds, from, to) : seriesOfRoots(db, theme, level.rootIds),
    topPosts(db, scope, id, custom, from, to),
    level.path,
    monthFigures(db, theme.plan_id, month, level.rootIds),
  ]);
  const rowOf = new Map(rows.map((r) => [r.unit_id, r]));
  const depth = relativeDepths(level.rows);
  // Months with no match still show as zero, so gaps are visible on the line.
  const start = from !== EARLIEST ? from.slice(0, 7) : (series[0]?.month ?? null);
  const months = start && start <= to.slice(0, 7) ? monthsBetween(start, to.slice(0, 7)) : [];
  const seriesOf = new Map(series.map((s) => [s.month, s]));
  return {
    theme: { ...themeSummary(theme), text: theme.text },
    plan: { id: plan.id, code: plan.code, title: plan.title },
    from,
    to,
    month,
    focus: path.at(-1) ?? null,
    path,
    series: months.map((m) => ({ month: m, own: seriesOf.get(m)?.own ?? 0, repost: seriesOf.get(m)?.repost ?? 0 })),
    units: level.rows.map((u) => {
      const r = rowOf.get(u.id);
      const coveredUnits = r?.covered_units ?? 0;
      return {
        id: u.id, name: u.name, depth: depth(u), isFocus: u.id === level.focusId, children: u.children, units: u.units,
        own: r?.own ?? 0, repost: r?.repost ?? 0, coveredUnits,
        // A unit without sub-units covered the theme when it reached the minimum; a subtree, when all its units did.
        covered: u.units === 1 ? isCovered({ own: r?.own ?? 0, repost: r?.repost ?? 0 }, theme.min_matches) : isSubtreeCovered(coveredUnits, u.units),
        firstDay: r?.first_day ?? null, lastDay: r?.last_day ?? null,
        figures: figures(u.id),
      };
    }),
    topPosts: posts.map((p) => ({
      id: String(p.id), title: p.title, url: p.url, unitId: p.unit_id, unitName: p.unit_name,
      publishedAt: p.published_at, isRepost: p.repost_of !== null, score: Math.round(p.score * 100) / 100,
    })),
  };
}

/** Monthly matches over the roots' subtrees, from the stored subtree roll-up. */
async function seriesOfRoots(db: Queryable, theme: q.ThemeRow, rootIds: string[]): Promise<{ month: string; own: number; repost: number }[]> {
  const themes = await q.planThemes(db, theme.plan_id);
  const k = themes.findIndex((t) => t.id === theme.id);
  const byMonth = new Map<string, { month: string; own: number; repost: number }>();
  for (const r of await q.subtreeScores(db, theme.plan_id, rootIds, null, { cells: true })) {
    const c = q.unpackCells(r.cells, themes.length)[k]!;
    const m = byMonth.get(r.month) ?? { month: r.month, own: 0, repost: 0 };
    m.own += c.own;
    m.repost += c.repost;
    byMonth.set(r.month, m);
  }
  // Months before the first match are left out, as the day-by-day series does.
  const months = [...byMonth.values()];
  const first = months.findIndex((m) => m.own + m.repost > 0);
  return first < 0 ? [] : months.slice(first);
}

const TOP_POSTS = 10;

/** Staff over the phase: the stored ranking; a lead, or a custom range: ranked on the spot. */
async function topPosts(db: Queryable, scope: Scope, themeId: string, custom: boolean, from: string, to: string): Promise<q.ThemePostRow[]> {
  if (scope.isAll && !custom) return q.postsOfStoredTop(db, themeId, TOP_POSTS);
  const unitIds = scope.isAll ? null : [...scope.unitIds!];
  if (unitIds?.length === 0) return [];
  return q.topThemePosts(db, await currentModelVersion(db), themeId, unitIds, from, to, TOP_POSTS);
}
