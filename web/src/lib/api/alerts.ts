import type { AlertList } from '@tdtt/shared';
import { request, type Fetch } from './client';

export type { Alert, AlertKind, AlertList } from '@tdtt/shared';

/** `all`: acknowledged alerts too; `countOnly`: the numbers without the list (the header badge). */
export function listAlerts(q: { all?: boolean; countOnly?: boolean } = {}, fetch?: Fetch): Promise<AlertList> {
  return request('GET', '/alerts', { query: { all: q.all ? '1' : undefined, count: q.countOnly ? '1' : undefined }, fetch });
}

export function acknowledgeAlert(key: string): Promise<{ key: string; acknowledged: true }> {
  return request('POST', `/alerts/${encodeURIComponent(key)}/ack`);
}
