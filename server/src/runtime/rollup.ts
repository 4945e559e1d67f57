import { computeScores } from '@tdtt/jobs/rollup';
import { monthsBetween, vietnamMonth } from '@tdtt/shared/score';
import type { Database, Queryable } from '../db/connection';
import * as q from '../db/queries';
import { currentModelVersion } from './model';

/** A day before any post: a roll-up from here recomputes everything. */
export const ALL_DAYS = '1900-01-01';

/**
 * Remembers (in the database, so a crash does not lose it) the earliest day whose roll-up is
 * stale: new posts, changed reposts, a new model version, a plan assignment. Pass the transaction
 * that made the change, so the mark commits with it.
 */
export function markRollupDirty(db: Queryable, fromDay: string): Promise<void> {
  return q.markRollupStaleFrom(db, fromDay);
}

/** The stale range to roll up now, cleared as it is taken; everything when nothing was ever scored. */
export async function takeRollupDirty(db: Database): Promise<string | null> {
  const from = await db.transaction((tx) => q.takeRollupStaleFrom(tx));
  if (from !== null) return from;
  return (await q.hasUnitScores(db)) ? null : ALL_DAYS;
}

/**
 * Updates the roll-ups from `fromDay` on (all when null): daily and monthly counts in SQL, then
 * every current plan's unit scores for the touched months.
 */
/** `progress` hears (plans done, plans) so /tien-trinh shows the roll-up moving. */
export async function runRollup(db: Database, fromDay: string | null, now: Date, progress?: (done: number, total: number) => void): Promise<{ plans: number; scores: number }> {
  const modelVersion = await currentModelVersion(db);
  await db.transaction((tx) => q.rollupCoverage(tx, modelVersion, fromDay));
  const range = await q.postDayRange(db);
  if (!range.min) return { plans: 0, scores: 0 };
  const firstMonth = (fromDay && fromDay > range.min ? fromDay : range.min).slice(0, 7);
  const lastMonth = [vietnamMonth(now), range.max!.slice(0, 7)].sort()[1]!;
  const months = monthsBetween(firstMonth, lastMonth);
  let scores = 0;
  const plans = await q.listPlans(db);
  let done = 0;
  progress?.(0, plans.length);
  for (const plan of plans) {
    const [units, themes] = await Promise.all([q.accountableUnitIds(db, plan.id), q.planThemes(db, plan.id)]);
    const [counts, postCounts] = await Promise.all([
      q.monthlyCounts(db, themes.map((t) => t.id), firstMonth, lastMonth),
      q.monthlyPostCounts(db, firstMonth, lastMonth),
    ]);
    const rows = computeScores(
      units,
      themes.map((t) => ({ id: t.id, class: t.class, minMatches: t.min_matches, weight: t.weight ?? undefined, startsOn: t.starts_on, endsOn: t.ends_on })),
      months,
      counts.map((c) => ({ unitId: c.unit_id, themeId: c.theme_id, month: c.month, own: c.own, repost: c.repost, submitted: c.submitted })),
      postCounts.map((p) => ({ unitId: p.unit_id, month: p.month, n: p.n })),
    );
    await db.transaction(async (tx) => {
      await q.replaceUnitScores(
        tx,
        plan.id,
        firstMonth,
        rows.map((r) => ({ unit_id: r.unitId, month: r.month, score: r.score, covered: r.covered, active: r.active, post_count: r.postCount })),
      );
      await q.rollupSubtrees(tx, plan.id, modelVersion, firstMonth, units);
    });
    scores += rows.length;
    progress?.(++done, plans.length);
  }
  return { plans: plans.length, scores };
}
