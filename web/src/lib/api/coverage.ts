import { request, type Fetch } from './client';
import type { Coverage, ExportTable, Overview } from './types';

export interface PeriodQuery {
  plan?: string | null;
  /** YYYY-MM */
  month?: string | null;
}

export function getCoverage(q: PeriodQuery = {}, fetch?: Fetch): Promise<Coverage> {
  return request('GET', '/coverage', { query: { plan: q.plan, month: q.month }, fetch });
}

/** One level of the hierarchy (a unit and its sub-units, each summing its subtree); default: the top of the caller's view. */
export function getOverview(q: PeriodQuery & { unit?: string | null } = {}, fetch?: Fetch): Promise<Overview> {
  return request('GET', '/overview', { query: { plan: q.plan, month: q.month, unit: q.unit }, fetch });
}

/** The export's coverage table (the cells the XLSX and CSV hold), for the print report. */
export function getExportTable(q: PeriodQuery & { unit?: string | null } = {}, fetch?: Fetch): Promise<ExportTable> {
  return request('GET', '/export/table', { query: { plan: q.plan, month: q.month, unit: q.unit }, fetch });
}
