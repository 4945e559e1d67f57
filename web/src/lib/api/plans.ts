import type { ParsedPlan } from '@tdtt/shared';
import { request, uploadFile, type Fetch } from './client';
import type { PlanDetail, PlanSummary } from './types';

export type { ParsedPlan };

export function listPlans(fetch?: Fetch): Promise<{ plans: PlanSummary[] }> {
  return request('GET', '/plans', { fetch });
}

export interface PlanRefLink {
  id: string;
  code: string | null;
  title: string;
}

/** The plan detail with what the plan pages need beyond the dashboard's view. */
export interface PlanFull extends Omit<PlanDetail, 'phases'> {
  isCurrent: boolean;
  currentId: string | null;
  isDefault: boolean;
  parent: PlanRefLink | null;
  children: PlanRefLink[];
  unitIds: string[];
  phases: (PlanDetail['phases'][number] & { startsOn: string | null; endsOn: string | null; themes: (PlanDetail['phases'][number]['themes'][number] & { negativePhrases: string[] })[] })[];
  parsed: ParsedPlan;
}

export function getPlan(id: string, fetch?: Fetch): Promise<{ plan: PlanFull }> {
  return request('GET', `/plans/${encodeURIComponent(id)}`, { fetch });
}

export function getPlanSource(id: string, fetch?: Fetch): Promise<{ text: string }> {
  return request('GET', `/plans/${encodeURIComponent(id)}/source`, { fetch });
}

export interface PlanVersion {
  id: string;
  version: number;
  isCurrent: boolean;
  code: string | null;
  title: string;
  createdAt: string;
  themeCount: number;
}

export function listPlanVersions(id: string, fetch?: Fetch): Promise<{ versions: PlanVersion[] }> {
  return request('GET', `/plans/${encodeURIComponent(id)}/versions`, { fetch });
}

/** What the review step shows: the parsed structure and the text it was read from. */
export interface PlanPreview {
  plan: ParsedPlan;
  notUnderstood: ParsedPlan['notUnderstood'];
  flags: ParsedPlan['flags'];
  text: string;
}

export function previewPlanText(text: string): Promise<PlanPreview> {
  return request('POST', '/plans/import', { query: { preview: 'true' }, body: { text } });
}

/** Uploads a .txt/.docx/.pdf for review (multipart: the JSON helper cannot send files). */
export function previewPlanFile(file: File): Promise<PlanPreview> {
  return uploadFile('/plans/import', file, { preview: 'true' });
}

/** Stores the reviewed plan (a new plan, or a new version of the same document). */
export function saveImportedPlan(text: string, plan: ParsedPlan): Promise<{ planId: string; version: number }> {
  return request('POST', '/plans/import', { body: { text, plan } });
}

/** Stores an edited plan as a new version; assignments and history stay. */
export function updatePlan(id: string, plan: ParsedPlan): Promise<{ planId: string; version: number }> {
  return request('PUT', `/plans/${encodeURIComponent(id)}`, { body: plan });
}

export interface PlanAssignment {
  planId: string;
  unitIds: string[];
  /** Assigned units and all their sub-units. */
  coveredUnitIds: string[];
}

export function assignPlan(id: string, unitIds: string[]): Promise<PlanAssignment> {
  return request('POST', `/plans/${encodeURIComponent(id)}/assign`, { body: { unitIds } });
}

export function unassignPlan(id: string, unitId: string): Promise<PlanAssignment> {
  return request('DELETE', `/plans/${encodeURIComponent(id)}/assign/${encodeURIComponent(unitId)}`);
}

export interface NamedEvent {
  key: string;
  name: string;
  aliases: string[];
  date: string;
  endDate: string | null;
}

export function getNamedEvents(fetch?: Fetch): Promise<{ events: NamedEvent[]; defaults: boolean }> {
  return request('GET', '/named-events', { fetch });
}

export function saveNamedEvents(events: NamedEvent[]): Promise<{ events: NamedEvent[]; defaults: boolean }> {
  return request('PUT', '/named-events', { body: { events } });
}
