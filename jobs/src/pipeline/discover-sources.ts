import type { SourceKind } from '../ports';
import { FetchError, fetchResource, type FetchOptions } from '../collect/fetch';
import { discoverFeeds, sitemapsFromRobots, type DiscoveredSource } from '../collect/feeds';
import { detectSourceKind } from '../collect/detect';
import { documentText } from './collect-index';

// Adding a unit by its home page: find its feeds and sitemaps, check each
// candidate really is one, and propose them (declared ones first).

export interface ProposedSource {
  url: string;
  kind: Extract<SourceKind, 'feed' | 'sitemap'>;
  via: DiscoveredSource['via'];
  title: string | null;
}

export interface DiscoverResult {
  homeUrl: string;
  proposals: ProposedSource[];
  /** No feed or sitemap found: the home page itself can be a listing source (needs selectors). */
  listingFallback: boolean;
}

/** Throws FetchError when the home page itself cannot be fetched. */
export async function discoverSources(homeUrl: string, fetch: FetchOptions, maxProbes = 12): Promise<DiscoverResult> {
  const home = await fetchResource(homeUrl, fetch);
  if (home instanceof FetchError) throw home;
  const candidates = discoverFeeds(home.text, home.url);
  const robots = await fetchResource(new URL('/robots.txt', home.url).href, { ...fetch, retries: 0 });
  if (!(robots instanceof FetchError)) {
    for (const url of sitemapsFromRobots(robots.text, home.url).reverse()) {
      const i = candidates.findIndex((c) => c.url === url);
      if (i >= 0) candidates.splice(i, 1);
      candidates.unshift({ url, kind: 'sitemap', via: 'robots', title: null });
    }
  }
  const proposals: ProposedSource[] = [];
  const seenFinal = new Set<string>();
  for (const c of candidates.slice(0, maxProbes)) {
    const r = await fetchResource(c.url, { ...fetch, retries: 0 });
    if (r instanceof FetchError || seenFinal.has(r.url)) continue;
    seenFinal.add(r.url);
    const kind = detectSourceKind(documentText(r), r.contentType);
    if (kind === 'feed' || kind === 'sitemap') proposals.push({ url: r.url, kind, via: c.via, title: c.title });
  }
  return { homeUrl: home.url, proposals, listingFallback: proposals.length === 0 };
}
