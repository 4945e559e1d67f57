// The unacknowledged-alerts count behind the header badge: one shared value, refreshed on navigation and after an acknowledgement.
import { listAlerts } from '$lib/api';

export const alertBadge = $state<{ count: number | null }>({ count: null });

export async function refreshAlertBadge(): Promise<void> {
  try {
    alertBadge.count = (await listAlerts()).unacknowledged;
  } catch {
    // The badge is a hint: a failed count never breaks the page.
  }
}
