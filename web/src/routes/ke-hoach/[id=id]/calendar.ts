// The /ky-niem calendar reads anniversary statuses; a plan's own anniversaries become day-precise
// entries on their own date (month- and year-precision ones stay in the list only).
import type { Anniversary, AnniversaryStatus } from '$lib/api';

export function toCalendarEntries(items: Anniversary[]): AnniversaryStatus[] {
  return items
    .filter((a) => a.precision === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(a.date))
    .map((a) => ({
      ...a,
      on: a.date,
      window: { from: a.date, to: a.date },
      state: 'upcoming',
      counts: { onTime: 0, late: 0, silent: 0, pending: 0 },
      units: [],
    }));
}
