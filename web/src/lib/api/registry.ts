// The unit registry (administrators): list, edit, retire, merge, import the office's sheet.
import { ApiError } from './api-error';
import { request, uploadFile, type Fetch } from './client';

export interface RegistryUnit {
  id: string;
  name: string;
  code: string | null;
  kind: string;
  parentId: string | null;
  depth: number;
  websites: string[];
  leadUsername: string | null;
  leadName: string | null;
  leadEmail: string | null;
  retiredFrom: string | null;
  successorId: string | null;
  predecessors: { id: string; name: string; from: string }[];
}

export interface RowProblem {
  row: number;
  field: string | null;
  message: string;
}

export interface UnitImportResult {
  dryRun: boolean;
  saved: boolean;
  unknownColumns: string[];
  problems: RowProblem[];
  created: { row: number; id: string; name: string; parentId: string | null }[];
  updated: { row: number; id: string; name: string; changes: { field: string; from: unknown; to: unknown }[] }[];
  unchanged: number;
  accounts: { row: number; username: string; unitId: string; unitName: string; displayName: string; password: string | null }[];
}

export interface UnitEdit {
  name?: string;
  code?: string | null;
  kind?: string;
  parentId?: string | null;
  websites?: string[];
}

export function listRegistry(fetch?: Fetch): Promise<{ units: RegistryUnit[] }> {
  return request('GET', '/units/registry', { fetch });
}

export function createRegistryUnit(body: UnitEdit & { name: string }): Promise<{ unit: RegistryUnit }> {
  return request('POST', '/units', { body });
}

export function editRegistryUnit(id: string, body: UnitEdit): Promise<{ unit: RegistryUnit }> {
  return request('PATCH', `/units/${encodeURIComponent(id)}`, { body });
}

export function retireRegistryUnit(id: string, from: string | null): Promise<unknown> {
  return request('POST', `/units/${encodeURIComponent(id)}/retire`, { body: { from } });
}

export function mergeRegistryUnits(unitIds: string[], into: string | (UnitEdit & { name: string }), from: string): Promise<{ into: string }> {
  return request('POST', '/units/merge', { body: { unitIds, into, from } });
}

/** A refused save (bad rows) still answers with the whole preview: returned, not thrown. */
export async function importUnitSheet(file: File, opts: { dryRun: boolean; skipBadRows: boolean }): Promise<UnitImportResult> {
  try {
    return await uploadFile<UnitImportResult>('/units/import', file, { dryRun: opts.dryRun ? '1' : undefined, skipBadRows: opts.skipBadRows ? '1' : undefined });
  } catch (e) {
    if (e instanceof ApiError && e.code === 'bad_rows' && e.body) return e.body as UnitImportResult;
    throw e;
  }
}

export interface WebsiteDiscovery {
  unitId: string;
  unitName: string;
  url: string;
  state: 'pending' | 'found' | 'nothing' | 'failed';
  message: string | null;
  sourceCount: number;
  checkedAt: string | null;
}

export function listWebsites(fetch?: Fetch): Promise<{ websites: WebsiteDiscovery[]; running: boolean }> {
  return request('GET', '/units/websites', { fetch });
}

export interface SetupStep {
  id: string;
  title: string;
  done: boolean;
  detail: string;
  href: string;
}

/** First-run checklist: units → sources → plan → assignment → first collection → first report. */
export function getSetup(fetch?: Fetch): Promise<{ complete: boolean; steps: SetupStep[] }> {
  return request('GET', '/setup', { fetch });
}
