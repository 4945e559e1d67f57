// The store interface the jobs need. The server implements it on DuckDB;
// jobs never import the database.

export type SourceKind = 'feed' | 'sitemap' | 'listing' | 'page';

export interface ListingSelectors {
  /** CSS selector for article links on the listing page. */
  item: string;
  /** CSS selector for the "next page" link, if any. */
  next?: string | null;
}

/** Per-source settings an admin sets on /nguon when the automatic reading gets a site wrong. */
export interface SourceOverrides {
  /** Charset to decode the site's pages with, whatever they declare (e.g. "windows-1258"). */
  encoding?: string | null;
  /** Field order of the site's numeric dates: day-first (Vietnamese) or month-first (US). */
  dateOrder?: 'dmy' | 'mdy' | null;
  /** CSS selector of the article body, when Readability picks the wrong block. */
  contentSelector?: string | null;
  /** Fixed poll interval in minutes, instead of the one learnt from the unit's publishing. */
  pollMinutes?: number | null;
}

export interface SourceRecord {
  id: number;
  unitId: string;
  kind: SourceKind;
  url: string;
  listing: ListingSelectors | null;
  /** Absent or null: everything automatic. */
  overrides?: SourceOverrides | null;
  etag: string | null;
  lastModified: string | null;
  /** Hash of the last fetched index document (feed/sitemap/listing); unchanged → no parsing. */
  lastContentHash: string | null;
  /** Weighted consecutive failures so far (0 or absent when healthy). */
  failureScore?: number;
  /** Typical gap between the unit's posts, as last measured; drives the poll interval. */
  publishIntervalMs?: number | null;
}

export type PostFlag =
  | 'no-date' // no published time found: first-seen time used
  | 'future-date'
  | 'too-old-date'
  | 'date-from-text'
  | 'no-title'
  | 'no-text' // the page had no extractable main text
  | 'text-from-feed'; // article page unreachable: text taken from the feed item

export interface CollectedPost {
  sourceId: number;
  unitId: string;
  url: string;
  canonicalUrl: string;
  guid: string | null;
  title: string;
  /** Extracted main text, plain, NFC. */
  text: string;
  /** ISO 8601 with offset, or null when unknown (then firstSeenAt is used and 'no-date' flagged). */
  publishedAt: string | null;
  /** Where publishedAt came from (feed, sitemap, listing, meta, json-ld, time, url, text); null with no date. */
  publishedSource?: string | null;
  firstSeenAt: string;
  flags: PostFlag[];
  /** sha256 hex of the normalised text. */
  contentHash: string;
  /** 64-bit SimHash of the text as 16 hex chars, for near-duplicate (repost) detection. */
  simhash: string;
  /** Sanitised main-content HTML, safe to display (no scripts, styles, handlers). */
  html?: string | null;
}

export interface FetchEvent {
  sourceId: number;
  url: string;
  at: string;
  status: number | null;
  /** FetchError kind, or null on success. */
  errorKind: string | null;
  message: string | null;
  durationMs: number;
  bytes: number;
}

export interface SourceStateUpdate {
  sourceId: number;
  ok: boolean;
  etag?: string | null;
  lastModified?: string | null;
  lastContentHash?: string | null;
  error?: string | null;
  /** Weighted consecutive failures after this run (0 on success). */
  failureScore: number;
  nextPollAt: string;
  /** When this run ended. */
  at?: string;
  /** Set when ok: the time of this success. */
  lastSuccessAt?: string | null;
  /** FetchError/ParseError kind of the failure, null on success. */
  errorKind?: string | null;
  /** Typical gap between posts, when measurable from this run's items. */
  publishIntervalMs?: number | null;
}

export interface CollectStore {
  /** Canonical URLs already stored for the unit, so known articles are not fetched again. */
  knownUrls(unitId: string): Promise<Set<string>>;
  savePosts(posts: CollectedPost[]): Promise<{ inserted: number; updated: number }>;
  recordFetch(event: FetchEvent): Promise<void>;
  updateSourceState(update: SourceStateUpdate): Promise<void>;
}

/** Posts waiting for (re-)classification, and where results go. */
export interface PostToClassify {
  id: number;
  title: string;
  text: string;
  publishedAt: string | null;
}

export interface ClassifyStore {
  /** Posts with no match row for `modelVersion` yet, in id order after `afterId`. */
  postsToClassify(modelVersion: string, afterId: number, limit: number): Promise<PostToClassify[]>;
  countPostsToClassify(modelVersion: string): Promise<number>;
  saveMatches(
    modelVersion: string,
    results: { postId: number; matches: import('@tdtt/shared').ThemeMatch[] }[],
  ): Promise<void>;
}

/** Job runs: recorded with progress so the API can show them while they run. */
export interface JobRunStore {
  startRun(job: string): Promise<number>;
  progress(runId: number, done: number, total: number): Promise<void>;
  finishRun(runId: number, status: 'ok' | 'error', stats: Record<string, unknown>, error: string | null): Promise<void>;
}
