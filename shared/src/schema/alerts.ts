// Alerts as the API sends them and the web app shows them.

export type AlertKind = 'theme-gap' | 'anniversary' | 'silent' | 'source-failing' | 'drop';

export interface Alert {
  /** Stable: the same situation keeps its key, so an acknowledgement sticks until something new happens. */
  key: string;
  kind: AlertKind;
  severity: 'high' | 'medium';
  unitId: string;
  unitName: string;
  title: string;
  detail: string;
  /** Evidence pages: the unit, the theme(s), the source. */
  links: { label: string; href: string }[];
  acknowledged: boolean;
}

export interface AlertList {
  unacknowledged: number;
  total: number;
  alerts: Alert[];
}
