// Anniversaries whose date falls in the next `days` days, counted from `today` (YYYY-MM-DD, GMT+7).
import type { Anniversary } from '$lib/api';

export interface UpcomingAnniversary {
  anniversary: Anniversary;
  /** YYYY-MM-DD of the coming occurrence. */
  on: string;
  daysAway: number;
}

const DAY = 86_400_000;

function utc(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
}

function iso(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** A plan's dated event recurs yearly: an old date (the original event) is moved to its next occurrence. */
export function upcomingAnniversaries(list: readonly Anniversary[], today: string, days = 30): UpcomingAnniversary[] {
  const t0 = utc(today);
  const year = Number(today.slice(0, 4));
  const out: UpcomingAnniversary[] = [];
  for (const a of list) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(a.date)) continue;
    const md = a.date.slice(5);
    const candidates = [a.date, `${year}-${md}`, `${year + 1}-${md}`];
    const hit = candidates.map(utc).find((t) => t >= t0 && t <= t0 + days * DAY);
    if (hit !== undefined) out.push({ anniversary: a, on: iso(hit), daysAway: Math.round((hit - t0) / DAY) });
  }
  return out.sort((a, b) => a.daysAway - b.daysAway);
}

/** Today's date in Vietnam (GMT+7) as YYYY-MM-DD. */
export function todayInVietnam(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
