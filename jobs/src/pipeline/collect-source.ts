import type { CollectStore, CollectedPost, PostFlag, SourceRecord } from '../ports';
import { FetchError, isRetryable, type FetchOptions } from '../collect/fetch';
import { canonicalizeUrl, contentHash, simhash } from '../collect/dedup';
import { extractArticle, htmlToText, toVnIso, type ExtractInput, type ExtractedArticle } from '../collect/extract';
import { looksLikeHtml, ParseError } from '../collect/parse-error';
import { DEFAULT_POLL_POLICY, failureWeight, nextPollAt, publishingIntervalMs, type PollPolicy } from '../collect/poll';
import { readIndex, trackedFetch, type CollectIssue, type IndexItem } from './collect-index';

// One source, one run: index → unknown articles → extract → save → state.

export interface CollectDeps {
  store: CollectStore;
  /** Fetch options shared by the run: limiter, robots cache, allowlist, timeouts. */
  fetch?: FetchOptions;
  now: () => Date;
  /** Backfill horizon; default 548 days (18 months). */
  horizonDays?: number;
  /** Articles fetched per run at most; the rest wait for the next run. Default 500. */
  maxArticles?: number;
  /** Listing next pages / sitemap children followed at most. Default 50. */
  maxPages?: number;
  /** Articles in flight per source (the host limiter still caps per host). Default 4. */
  articleConcurrency?: number;
  poll?: PollPolicy;
  random?: () => number;
  /** Extraction hook: a worker pool can stand in for the in-thread extractor. */
  extract?: (input: ExtractInput) => ExtractedArticle | Promise<ExtractedArticle>;
  onProgress?: (p: { sourceId: number; done: number; total: number }) => void;
}

export interface CollectSummary {
  sourceId: number;
  ok: boolean;
  /** 'not-modified' (304) and 'unchanged' (same hash) cost no parsing. */
  status: 'ok' | 'not-modified' | 'unchanged' | 'failed';
  items: number;
  fetched: number;
  newPosts: number;
  updatedPosts: number;
  skippedKnown: number;
  errors: CollectIssue[];
  failureScore: number;
  nextPollAt: string;
}

type RecordFn = CollectStore['recordFetch'];

const SAVE_BATCH = 25;

const MIN_FEED_TEXT = 200;

function buildPost(source: SourceRecord, item: IndexItem, a: ExtractedArticle | null, text: string, now: Date, extraFlags: PostFlag[]): CollectedPost {
  const flags = new Set<PostFlag>([...((a?.flags ?? []) as PostFlag[]), ...extraFlags]);
  const published = a ? a.published : item.published;
  const publishedSource = published ? (a ? a.publishedSource : item.publishedSource ?? 'feed') : null;
  if (!published) flags.add('no-date');
  const title = a?.title || item.title || '';
  if (!title) flags.add('no-title');
  const url = item.url;
  return {
    sourceId: source.id,
    unitId: source.unitId,
    url,
    canonicalUrl: canonicalizeUrl(a?.canonicalUrl ?? url) ?? url,
    guid: item.guid,
    title,
    text,
    publishedAt: published?.iso ?? null,
    publishedSource,
    firstSeenAt: toVnIso(now),
    flags: [...flags],
    contentHash: (a?.text === text && a.contentHash) || contentHash(text),
    simhash: (a?.text === text && a.simhash) || simhash(text),
    html: a?.html ?? null,
  };
}

/** The run's fetch options with the source's own encoding, when an admin set one. */
export function sourceFetchOptions(source: Pick<SourceRecord, 'overrides'>, fetch: FetchOptions | undefined): FetchOptions {
  const charset = source.overrides?.encoding;
  return charset ? { ...fetch, charset } : { ...fetch };
}

/** An article → a post, or null with `retry` when a later run may succeed (timeouts, 5xx). */
async function collectArticle(
  source: SourceRecord, item: IndexItem, deps: CollectDeps, now: Date, issues: CollectIssue[], record: RecordFn,
): Promise<{ post: CollectedPost | null; retry: boolean }> {
  const r = await trackedFetch(source.id, item.url, { ...sourceFetchOptions(source, deps.fetch), etag: null, lastModified: null }, record);
  const fallback = (retry: boolean) => {
    const text = item.contentHtml ? htmlToText(item.contentHtml) : '';
    return text.length >= MIN_FEED_TEXT ? { post: buildPost(source, item, null, text, now, ['text-from-feed']), retry: false } : { post: null, retry };
  };
  if (r instanceof FetchError) {
    issues.push({ url: item.url, kind: r.kind, message: r.message });
    return fallback(isRetryable(r));
  }
  if (!looksLikeHtml(r.text) && !/html/i.test(r.contentType ?? '')) {
    issues.push({ url: item.url, kind: 'unknown-format', message: `Bài viết không phải trang HTML (${r.contentType ?? 'không rõ kiểu'})` });
    return fallback(false);
  }
  const input: ExtractInput = {
    html: r.text, url: r.url, now,
    hint: { published: item.published, publishedSource: item.publishedSource ?? null, title: item.title },
    contentSelector: source.overrides?.contentSelector ?? null,
  };
  let a: ExtractedArticle;
  try {
    a = await (deps.extract ?? extractArticle)(input);
  } catch (e) {
    issues.push({ url: item.url, kind: 'extract-failed', message: `Không trích xuất được bài viết: ${(e as Error).message}` });
    return fallback(false);
  }
  return { post: buildPost(source, { ...item, url: r.url }, a, a.text, now, []), retry: false };
}

/** Run `fn` over items with at most `n` in flight. */
async function pool<T>(items: T[], n: number, fn: (t: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

export async function collectSource(source: SourceRecord, deps: CollectDeps): Promise<CollectSummary> {
  const now = deps.now();
  const policy = deps.poll ?? DEFAULT_POLL_POLICY;
  const random = deps.random ?? Math.random;
  const issues: CollectIssue[] = [];
  const fetched = { n: 0 };
  const summary = { sourceId: source.id, items: 0, newPosts: 0, updatedPosts: 0, skippedKnown: 0, errors: issues };
  const record: RecordFn = (e) => {
    fetched.n++;
    return deps.store.recordFetch(e);
  };
  const known = await deps.store.knownUrls(source.unitId);
  let read;
  try {
    read = await readIndex(source, {
      fetch: sourceFetchOptions(source, deps.fetch), now, horizonDays: deps.horizonDays ?? 548, maxPages: deps.maxPages ?? 50, known, record,
    });
  } catch (e) {
    if (!(e instanceof FetchError) && !(e instanceof ParseError)) throw e;
    const failureScore = (source.failureScore ?? 0) + failureWeight(e.kind, e instanceof FetchError ? e.status : null);
    const retryAfterMs = e instanceof FetchError ? e.retryAfterMs : null;
    const next = nextPollAt({ now, ok: false, failureScore, retryAfterMs, policy, random }).toISOString();
    issues.push({ url: source.url, kind: e.kind, message: e.message });
    await deps.store.updateSourceState({
      sourceId: source.id, ok: false, error: e.message, errorKind: e.kind, failureScore, nextPollAt: next, at: now.toISOString(),
    });
    return { ...summary, ok: false, status: 'failed', fetched: fetched.n, failureScore, nextPollAt: next };
  }
  const done = async (status: CollectSummary['status'], complete: boolean, contentHash: string | null, intervalMs: number | null) => {
    const fixed = source.overrides?.pollMinutes ? source.overrides.pollMinutes * 60_000 : null;
    const next = nextPollAt({ now, ok: true, failureScore: 0, publishIntervalMs: intervalMs ?? source.publishIntervalMs, fixedIntervalMs: fixed, policy, random }).toISOString();
    // Incomplete run (articles to retry): keep the old validators so the next run re-reads the index.
    await deps.store.updateSourceState({
      sourceId: source.id, ok: true,
      etag: complete ? read.etag : source.etag,
      lastModified: complete ? read.lastModified : source.lastModified,
      lastContentHash: complete ? contentHash : source.lastContentHash,
      error: null, errorKind: null, failureScore: 0, nextPollAt: next, at: now.toISOString(), lastSuccessAt: now.toISOString(),
      publishIntervalMs: intervalMs ?? source.publishIntervalMs ?? null,
    });
    return { ...summary, ok: true, status, fetched: fetched.n, failureScore: 0, nextPollAt: next };
  };
  if (read.status !== 'ok') return done(read.status, true, read.status === 'unchanged' ? read.contentHash : source.lastContentHash, null);
  issues.push(...read.issues);
  summary.items = read.items.length;

  // Unknown articles only, newest first when dated; one fetch per canonical URL.
  const seen = new Set<string>();
  const todo: IndexItem[] = [];
  for (const it of read.items) {
    const key = canonicalizeUrl(it.url) ?? it.url;
    if (known.has(key)) summary.skippedKnown++;
    else if (!seen.has(key)) {
      seen.add(key);
      todo.push(it);
    }
  }
  todo.sort((a, b) => (b.published?.date.getTime() ?? 0) - (a.published?.date.getTime() ?? 0));
  const batch = todo.slice(0, deps.maxArticles ?? 500);
  const horizonStart = now.getTime() - (deps.horizonDays ?? 548) * 86_400_000;
  const hashes = new Set<string>();
  let pending: CollectedPost[] = [];
  let doneCount = 0;
  let retryLater = todo.length > batch.length;
  const flush = async () => {
    if (!pending.length) return;
    const chunk = pending;
    pending = [];
    const saved = await deps.store.savePosts(chunk);
    summary.newPosts += saved.inserted;
    summary.updatedPosts += saved.updated;
  };
  // A bad article never stops the rest of the source; a store failure does (the caller logs it).
  await pool(batch, deps.articleConcurrency ?? 4, async (item) => {
    const { post, retry } = await collectArticle(source, item, deps, now, issues, record);
    if (retry) retryLater = true;
    if (post) {
      if (known.has(post.canonicalUrl) || (post.text.length >= MIN_FEED_TEXT && hashes.has(post.contentHash))) summary.skippedKnown++;
      else if (!(post.publishedAt && Date.parse(post.publishedAt) < horizonStart)) {
        known.add(post.canonicalUrl);
        // Same text under two URLs in one run is one post; short or empty texts (videos) are not compared.
        if (post.text.length >= MIN_FEED_TEXT) hashes.add(post.contentHash);
        pending.push(post);
        if (pending.length >= SAVE_BATCH) await flush();
      }
    }
    deps.onProgress?.({ sourceId: source.id, done: ++doneCount, total: batch.length });
  });
  await flush();
  const dates = read.items.flatMap((i) => (i.published ? [i.published.date] : []));
  return done('ok', !retryLater, read.contentHash, publishingIntervalMs(dates, now));
}
