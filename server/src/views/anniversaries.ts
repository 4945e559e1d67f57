import { foldAccents, foldCase, normalizeVi } from '@tdtt/shared/text';
import { addDays, anniversaryTimeliness, anniversaryWindow, DEFAULT_WINDOW, vietnamDay, type Timeliness, type TimelinessWindow } from '@tdtt/shared/score';
import type { Queryable } from '../db/connection';
import * as q from '../db/queries';
import type { Scope } from '../middleware/scope';
import { currentModelVersion } from '../runtime/model';
import { resolvePlan, visibleUnits } from './coverage';

/** Settings keys of the timeliness window (days before / after the date). */
export const WINDOW_KEYS = { before: 'anniversary.daysBefore', after: 'anniversary.daysAfter' } as const;
/** A first post this many days after the window still counts as "late"; later ones belong to something else. */
export const LATE_DAYS = 30;

export function fold(s: string): string {
  return foldAccents(foldCase(normalizeVi(s))).replace(/đ/g, 'd');
}

/** The plan's anniversary themes: those whose title speaks of anniversaries or holidays. */
export function anniversaryThemes(themes: q.ThemeRow[]): q.ThemeRow[] {
  return themes.filter((t) => /\bky niem\b|\bngay le\b/.test(fold(t.title)));
}

/** The day the plan marks: a day-precision date; an original-event date (before the plan) moves to its anniversary in the plan's year. */
export function occurrenceDay(a: q.AnniversaryRow, planIssuedOn: string | null): string | null {
  if (a.precision !== 'day' || !/^\d{4}-\d{2}-\d{2}$/.test(a.date)) return null;
  if (!planIssuedOn || a.date >= planIssuedOn.slice(0, 4)) return a.date;
  const year = Number(planIssuedOn.slice(0, 4));
  const same = `${year}-${a.date.slice(5)}`;
  return same >= planIssuedOn ? same : `${year + 1}-${a.date.slice(5)}`;
}

export async function timelinessWindow(db: Queryable): Promise<TimelinessWindow> {
  const [b, a] = await Promise.all([q.getSetting(db, WINDOW_KEYS.before), q.getSetting(db, WINDOW_KEYS.after)]);
  const num = (v: string | null, d: number) => (v !== null && /^\d{1,3}$/.test(v) ? Number(v) : d);
  return { daysBefore: num(b, DEFAULT_WINDOW.daysBefore), daysAfter: num(a, DEFAULT_WINDOW.daysAfter) };
}

export interface UnitTimeliness {
  unitId: string;
  status: Timeliness;
  firstDay: string | null;
}

export interface AnniversaryStatus {
  anniversary: q.AnniversaryRow;
  on: string | null;
  window: { from: string; to: string } | null;
  state: 'upcoming' | 'open' | 'closed' | 'undated';
  units: UnitTimeliness[];
}

/** Per anniversary of a plan and per given unit: on time, late, silent or pending (README "Choices made"). */
export async function anniversaryStatuses(db: Queryable, plan: q.PlanRow, unitIds: string[], today: string, opts: { states?: AnniversaryStatus['state'][] } = {}): Promise<{ statuses: AnniversaryStatus[]; window: TimelinessWindow; rule: { kind: 'themes' | 'event-text'; themes: { id: string; title: string }[] } }> {
  const [list, themes, window, modelVersion] = await Promise.all([q.planAnniversaries(db, plan.id), q.planThemes(db, plan.id), timelinessWindow(db), currentModelVersion(db)]);
  const annThemes = anniversaryThemes(themes);
  const statuses: AnniversaryStatus[] = [];
  const dated = list.map((a) => ({ a, on: occurrenceDay(a, plan.issued_on) })).sort((x, y) => (x.on ?? '9999').localeCompare(y.on ?? '9999'));
  const min = (...d: string[]) => d.reduce((m, x) => (x < m ? x : m));
  // Per anniversary: its window, and the last day a first post still counts as "late" — at most 30 days
  // after the window and never into the next anniversary's window (its posts are about that one).
  const spans = dated.map(({ on }, i) => {
    if (!on) return null;
    const w = anniversaryWindow(on, window);
    const nextOn = dated[i + 1]?.on;
    const lateEnd = min(addDays(w.to, LATE_DAYS), nextOn ? addDays(anniversaryWindow(nextOn, window).from, -1) : '9999-12-31');
    const state: AnniversaryStatus['state'] = today < w.from ? 'upcoming' : today <= w.to ? 'open' : 'closed';
    const wanted = opts.states ? opts.states.includes(state) : state !== 'upcoming';
    return { w, state, until: min(lateEnd > w.to ? lateEnd : w.to, today), wanted };
  });
  // With anniversary themes, one query covers every window; the event-text fallback asks per event.
  const asked = spans.filter((x) => x?.wanted);
  const shared = annThemes.length > 0 && asked.length > 0 && unitIds.length > 0
    ? await q.themePostDays(db, modelVersion, annThemes.map((t) => t.id), unitIds, min(...asked.map((x) => x!.w.from)), asked.map((x) => x!.until).sort().at(-1)!)
    : [];
  for (const [i, { a, on }] of dated.entries()) {
    const span = spans[i];
    if (!on || !span) {
      statuses.push({ anniversary: a, on: null, window: null, state: 'undated', units: [] });
      continue;
    }
    const { w, state, until, wanted } = span;
    const rows = !wanted || unitIds.length === 0 ? [] : annThemes.length > 0
      ? shared.filter((r) => r.day >= w.from && r.day <= until)
      : await q.eventPostDays(db, modelVersion, themes.map((t) => t.id), unitIds, w.from, until, fold(a.event));
    const daysOf = new Map<string, string[]>();
    for (const r of rows) daysOf.set(r.unit_id, [...(daysOf.get(r.unit_id) ?? []), r.day]);
    statuses.push({
      anniversary: a, on, window: w, state,
      units: unitIds.map((id) => {
        const days = daysOf.get(id) ?? [];
        return { unitId: id, status: anniversaryTimeliness(on, days, today, window), firstDay: days[0] ?? null };
      }),
    });
  }
  return { statuses, window, rule: { kind: annThemes.length > 0 ? 'themes' : 'event-text', themes: annThemes.map((t) => ({ id: t.id, title: t.title })) } };
}

export async function anniversariesView(db: Queryable, scope: Scope, query: { plan?: string }, now: Date) {
  const plan = await resolvePlan(db, query.plan, scope);
  const today = vietnamDay(now);
  const units = await visibleUnits(db, plan.id, scope);
  const { statuses, window, rule } = await anniversaryStatuses(db, plan, units.map((u) => u.id), today);
  const minDepth = Math.min(...units.map((u) => u.depth));
  return {
    plan: { id: plan.id, code: plan.code, title: plan.title },
    today,
    window,
    rule,
    units: units.map((u) => ({ id: u.id, name: u.name, depth: u.depth - minDepth })),
    anniversaries: statuses.map((s) => {
      const count = (k: Timeliness) => s.units.filter((u) => u.status === k).length;
      return {
        id: s.anniversary.id, event: s.anniversary.event, date: s.anniversary.date, precision: s.anniversary.precision, years: s.anniversary.years,
        on: s.on, window: s.window, state: s.state,
        counts: { onTime: count('on-time'), late: count('late'), silent: count('silent'), pending: count('pending') },
        units: s.units,
      };
    }),
  };
}
