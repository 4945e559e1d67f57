// Sources for the websites of the unit registry, found in the background (job 'discover', on
// /tien-trinh): RSS/Atom autodiscovery and robots.txt/sitemap first, else the home page itself read
// as a listing page. A site where nothing usable turns up is marked 'nothing' for a person (/nguon).
import { FetchError, ParseError, type FetchOptions } from '@tdtt/jobs/collect';
import { discoverSources, inspectUrl } from '@tdtt/jobs/pipeline';
import type { JobContext } from '@tdtt/jobs/schedule';
import type { Database } from '../db/connection';
import * as q from '../db/queries';

/** Feeds are preferred (dated, cheap to poll); a site with none gets its sitemaps; at most this many each. */
const MAX_PER_SITE = 3;
/** A home page read as a listing must show at least this many article links to count. */
const MIN_LISTING_ITEMS = 3;

export async function discoverWebsites(db: Database, fetch: FetchOptions, now: () => Date, ctx: Pick<JobContext, 'progress'>) {
  const pending = await q.listWebsites(db, 'pending');
  const totals = { websites: pending.length, found: 0, nothing: 0, failed: 0, sources: 0 };
  ctx.progress(0, pending.length);
  let done = 0;
  let next = 0;
  const one = async (w: q.WebsiteRow) => {
    try {
      const r = await discoverSources(w.url, { ...fetch, retries: 1, timeoutMs: 20_000 });
      const feeds = r.proposals.filter((p) => p.kind === 'feed');
      const chosen = (feeds.length ? feeds : r.proposals.filter((p) => p.kind === 'sitemap')).slice(0, MAX_PER_SITE);
      let candidates: { kind: 'feed' | 'sitemap' | 'listing'; url: string }[] = chosen.map((p) => ({ kind: p.kind as 'feed' | 'sitemap', url: p.url }));
      if (!candidates.length) {
        const listing = await inspectUrl(r.homeUrl, { fetch, now: now(), maxPages: 1 }).catch(() => null);
        if (listing && listing.kind === 'listing' && listing.items.length >= MIN_LISTING_ITEMS) candidates = [{ kind: 'listing', url: r.homeUrl }];
      }
      let added = 0;
      for (const cnd of candidates) {
        if (await q.sourceByUrl(db, cnd.url)) continue; // another unit's or already added: counted below
        await q.insertSource(db, { unitId: w.unit_id, kind: cnd.kind, url: cnd.url, listing: null });
        added++;
      }
      totals.sources += added;
      if (candidates.length) {
        totals.found++;
        const kinds = [...new Set(candidates.map((c) => c.kind))].join(', ');
        await q.setWebsiteResult(db, w.unit_id, w.url, { state: 'found', message: `Tìm thấy ${candidates.length} nguồn (${kinds})`, sourceCount: candidates.length, at: now() });
      } else {
        totals.nothing++;
        await q.setWebsiteResult(db, w.unit_id, w.url, {
          state: 'nothing', message: 'Không tìm thấy RSS/Atom, sitemap hay danh sách bài viết: cần người thêm nguồn bằng tay', sourceCount: 0, at: now(),
        });
      }
    } catch (e) {
      if (!(e instanceof FetchError || e instanceof ParseError)) throw e;
      totals.failed++;
      await q.setWebsiteResult(db, w.unit_id, w.url, { state: 'failed', message: `Không đọc được trang: ${e.message}`, sourceCount: 0, at: now() });
    }
    ctx.progress(++done, pending.length);
  };
  // A few sites at once: the fetcher's host limiter keeps each site polite.
  await Promise.all(Array.from({ length: Math.min(4, pending.length) }, async () => {
    while (next < pending.length) await one(pending[next++]!);
  }));
  return totals;
}
