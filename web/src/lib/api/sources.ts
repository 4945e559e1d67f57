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
  listing: ListingSelectors | null;
  overrides: SourceOverrides | null;
}

export interface ListingSelectors {
  item: string;
  next?: string | null;
}

/** Per-source settings (null or absent: automatic). */
export interface SourceOverrides {
  encoding?: string | null;
  dateOrder?: 'dmy' | 'mdy' | null;
  contentSelector?: string | null;
  pollMinutes?: number | null;
}

export interface SourceSettings {
  listing: ListingSelectors | null;
  overrides: SourceOverrides | null;
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
  | {
      ok: true; kind: string; itemCount: number;
      items: { url: string; title: string | null; published: string | null; flags: string[]; excerpt: string | null }[];
      /** Listing pages: read by selectors or by the page's structure, and the selector suggested. */
      listing?: { via: 'selectors' | 'auto'; suggested: ListingSelectors | null; pages: number } | null;
      issues: { url: string; kind: string; message: string }[];
    }
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

/** Tải thử: with `draft`, the unsaved settings are tried; nothing is stored either way. */
export function testSource(id: string, draft?: SourceSettings): Promise<SourceTest> {
  return request('POST', `/sources/${encodeURIComponent(id)}/test`, draft ? { body: draft } : {});
}

export function saveSourceSettings(id: string, settings: SourceSettings): Promise<{ source: SourceAdmin }> {
  return request('PUT', `/sources/${encodeURIComponent(id)}/settings`, { body: settings });
}

export function setSourcePaused(id: string, paused: boolean): Promise<{ source: SourceAdmin }> {
  return request('POST', `/sources/${encodeURIComponent(id)}/${paused ? 'pause' : 'resume'}`);
}

export function sourceEvents(id: string, fetch?: Fetch): Promise<{ source: SourceAdmin; events: FetchLogEntry[] }> {
  return request('GET', `/sources/${encodeURIComponent(id)}/events`, { fetch });
}
