// The unacknowledged-alerts count behind the header badge: one shared value, refreshed on navigation
// (at most once a minute: alerts are computed over every unit, costly at province scale) and at once
// after an acknowledgement.
import { listAlerts } from '$lib/api';

export const alertBadge = $state<{ count: number | null }>({ count: null });

const REFRESH_MS = 60_000;
let refreshedAt = 0;

export async function refreshAlertBadge(opts: { force?: boolean } = {}): Promise<void> {
  if (!opts.force && alertBadge.count !== null && Date.now() - refreshedAt < REFRESH_MS) return;
  refreshedAt = Date.now();
  try {
    alertBadge.count = (await listAlerts({ countOnly: true })).unacknowledged;
  } catch {
    // The badge is a hint: a failed count never breaks the page.
  }
}
