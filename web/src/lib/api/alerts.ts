import { request, type Fetch } from './client';

export type AlertKind = 'theme-gap' | 'anniversary' | 'silent' | 'source-failing' | 'drop';

export interface Alert {
  key: string;
  kind: AlertKind;
  severity: 'high' | 'medium';
  unitId: string;
  unitName: string;
  title: string;
  detail: string;
  links: { label: string; href: string }[];
  acknowledged: boolean;
}

export interface AlertList {
  unacknowledged: number;
  total: number;
  alerts: Alert[];
}

/** `all`: acknowledged alerts too. */
export function listAlerts(q: { all?: boolean } = {}, fetch?: Fetch): Promise<AlertList> {
  return request('GET', '/alerts', { query: { all: q.all ? '1' : undefined }, fetch });
}

export function acknowledgeAlert(key: string): Promise<{ key: string; acknowledged: true }> {
  return request('POST', `/alerts/${encodeURIComponent(key)}/ack`);
}
