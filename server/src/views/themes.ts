import { monthsBetween, vietnamDay } from '@tdtt/shared/score';
import type { Queryable } from '../db/connection';
import * as q from '../db/queries';
import { notFound } from '../middleware/errors';
import type { Scope } from '../middleware/scope';
import { currentModelVersion } from '../runtime/model';
import { resolvePlan, visibleUnits } from './coverage';

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
export async function themeListView(db: Queryable, scope: Scope, query: { plan?: string }, now: Date) {
  const plan = await resolvePlan(db, query.plan);
  const today = vietnamDay(now);
  const [themes, units] = await Promise.all([q.planThemes(db, plan.id), visibleUnits(db, plan.id, scope)]);
  const unitIds = units.map((u) => u.id);
  const totals = await q.themeUnitTotals(db, themes.map((t) => t.id), unitIds, EARLIEST, today);
  const byTheme = new Map<string, q.ThemeTotalRow[]>();
  for (const r of totals) byTheme.set(r.theme_id, [...(byTheme.get(r.theme_id) ?? []), r]);
  return {
    plan: { id: plan.id, code: plan.code, title: plan.title },
    today,
    unitCount: unitIds.length,
    themes: themes.map((t) => {
      const rows = byTheme.get(t.id) ?? [];
      const covered = rows.filter((r) => r.own + r.repost >= Math.max(1, t.min_matches)).length;
      const started = !t.starts_on || t.starts_on <= today;
      return {
        ...themeSummary(t),
        state: !started ? 'upcoming' : t.ends_on && t.ends_on < today ? 'ended' : 'active',
        coveredUnits: covered,
        share: unitIds.length === 0 ? 0 : Math.round((1000 * covered) / unitIds.length) / 10,
        own: rows.reduce((a, r) => a + r.own, 0),
        repost: rows.reduce((a, r) => a + r.repost, 0),
      };
    }),
  };
}

/** One theme: which visible units covered it, monthly series (own vs reposts), strongest posts. */
export async function themeDetailView(db: Queryable, scope: Scope, id: string, query: { from?: string; to?: string }, now: Date) {
  const theme = (await q.themeById(db, id)) ?? null;
  if (!theme) throw notFound(`chủ đề "${id}"`);
  const plan = await resolvePlan(db, theme.plan_id);
  const today = vietnamDay(now);
  const range = themeRange(theme, today);
  const from = query.from ?? range.from;
  const to = query.to ?? range.to;
  const units = await visibleUnits(db, plan.id, scope);
  const unitIds = units.map((u) => u.id);
  const modelVersion = await currentModelVersion(db);
  const [rows, series, posts] = await Promise.all([
    q.themeUnits(db, id, unitIds, from, to),
    q.themeMonthlySeries(db, id, unitIds, from, to),
    q.topThemePosts(db, modelVersion, id, unitIds, from, to, 10),
  ]);
  const rowOf = new Map(rows.map((r) => [r.unit_id, r]));
  const minDepth = Math.min(...units.map((u) => u.depth));
  // Months with no match still show as zero, so gaps are visible on the line.
  const start = from !== EARLIEST ? from.slice(0, 7) : (series[0]?.month ?? null);
  const months = start && start <= to.slice(0, 7) ? monthsBetween(start, to.slice(0, 7)) : [];
  const seriesOf = new Map(series.map((s) => [s.month, s]));
  return {
    theme: { ...themeSummary(theme), text: theme.text },
    plan: { id: plan.id, code: plan.code, title: plan.title },
    from,
    to,
    series: months.map((m) => ({ month: m, own: seriesOf.get(m)?.own ?? 0, repost: seriesOf.get(m)?.repost ?? 0 })),
    units: units.map((u) => {
      const r = rowOf.get(u.id);
      const own = r?.own ?? 0;
      const repost = r?.repost ?? 0;
      return {
        id: u.id, name: u.name, depth: u.depth - minDepth, own, repost,
        covered: own + repost >= Math.max(1, theme.min_matches),
        firstDay: r?.first_day ?? null, lastDay: r?.last_day ?? null,
      };
    }),
    topPosts: posts.map((p) => ({
      id: String(p.id), title: p.title, url: p.url, unitId: p.unit_id, unitName: p.unit_name,
      publishedAt: p.published_at, isRepost: p.repost_of !== null, score: Math.round(p.score * 100) / 100,
    })),
  };
}
