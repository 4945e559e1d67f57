import { request, type Fetch } from './client';

export type SourceKindName = 'feed' | 'sitemap' | 'listing' | 'page';

export interface SourceAdmin {
  id: string;
  unitId: string;
  kind: string;
  url: string;
  paused: boolean;
  state: 'ok' | 'failing' | 'paused' | 'new';
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorKind: string | null;
  failureScore: number;
  nextPollAt: string | null;
  createdAt: string;
  listing: { item: string; next?: string | null } | null;
}

export interface UnitSources {
  id: string;
  name: string;
  depth: number;
  sources: SourceAdmin[];
}

export interface Discovery {
  homeUrl: string;
  listingFallback: boolean;
  proposals: { url: string; kind: 'feed' | 'sitemap'; via: string; title: string | null; existingSourceId: string | null }[];
}

export type SourceTest =
  | { ok: true; kind: string; itemCount: number; items: { url: string; title: string | null; published: string | null; flags: string[]; excerpt: string | null }[]; issues: { url: string; kind: string; message: string }[] }
  | { ok: false; error: { kind: string; message: string } };

export interface FetchLogEntry {
  at: string;
  url: string;
  status: number | null;
  errorKind: string | null;
  message: string | null;
  durationMs: number;
  bytes: number;
}

export function listSources(q: { unit?: string | null } = {}, fetch?: Fetch): Promise<{ units: UnitSources[] }> {
  return request('GET', '/sources', { query: { unit: q.unit }, fetch });
}

export function discoverSite(url: string): Promise<Discovery> {
  return request('POST', '/sources/discover', { body: { url } });
}

export function createSource(input: { unitId: string; kind: SourceKindName; url: string; listing?: { item: string; next?: string | null } | null }): Promise<{ source: SourceAdmin }> {
  return request('POST', '/sources', { body: input });
}

export function testSource(id: string): Promise<SourceTest> {
  return request('POST', `/sources/${encodeURIComponent(id)}/test`);
}

export function setSourcePaused(id: string, paused: boolean): Promise<{ source: SourceAdmin }> {
  return request('POST', `/sources/${encodeURIComponent(id)}/${paused ? 'pause' : 'resume'}`);
}

export function sourceEvents(id: string, fetch?: Fetch): Promise<{ source: SourceAdmin; events: FetchLogEntry[] }> {
  return request('GET', `/sources/${encodeURIComponent(id)}/events`, { fetch });
}
