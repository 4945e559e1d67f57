import type { CollectedPost, PostToClassify } from '@tdtt/jobs/ports';
import { vietnamDay } from '@tdtt/shared/score';
import { insertMany, utc, type Queryable } from '../connection';
import { effectiveThemesOfPosts, effectiveMatchesSql as effectiveMatchesSqlFor } from './matches';

export async function knownUrls(db: Queryable, unitId: string): Promise<Set<string>> {
  const rows = await db.all<{ canonical_url: string }>(`SELECT canonical_url FROM posts WHERE unit_id = $1`, [unitId]);
  return new Set(rows.map((r) => r.canonical_url));
}

/**
 * Stores new posts once: by canonical URL, and by identical text within the same unit
 * (the same article reached through a feed and a sitemap under two URLs).
 */
export async function insertPosts(tx: Queryable, posts: CollectedPost[]): Promise<{ inserted: number; firstDay: string | null }> {
  if (posts.length === 0) return { inserted: 0, firstDay: null };
  const byUrl = new Map<string, CollectedPost>();
  for (const p of posts) if (!byUrl.has(p.canonicalUrl)) byUrl.set(p.canonicalUrl, p);
  const candidates = [...byUrl.values()];
  const existing = await tx.all<{ canonical_url: string; unit_id: string; content_hash: string }>(
    `SELECT canonical_url, unit_id, content_hash FROM posts
     WHERE canonical_url IN (SELECT unnest(from_json($1, '["VARCHAR"]')))
        OR content_hash IN (SELECT unnest(from_json($2, '["VARCHAR"]')))`,
    [JSON.stringify(candidates.map((p) => p.canonicalUrl)), JSON.stringify(candidates.map((p) => p.contentHash))],
  );
  const seenUrl = new Set(existing.map((r) => r.canonical_url));
  const seenHash = new Set(existing.map((r) => `${r.unit_id}|${r.content_hash}`));
  const fresh: CollectedPost[] = [];
  for (const p of candidates) {
    const key = `${p.unitId}|${p.contentHash}`;
    if (seenUrl.has(p.canonicalUrl) || seenHash.has(key)) continue;
    seenHash.add(key);
    fresh.push(p);
  }
  if (fresh.length === 0) return { inserted: 0, firstDay: null };
  let firstDay: string | null = null;
  await insertMany(
    tx,
    'posts',
    ['unit_id', 'source_id', 'origin', 'url', 'canonical_url', 'guid', 'title', 'text', 'html', 'published_at', 'published_day', 'first_seen_at', 'flags_json', 'content_hash', 'simhash', 'published_source'],
    fresh.map((p) => {
      const when = new Date(p.publishedAt ?? p.firstSeenAt);
      const day = vietnamDay(when);
      if (firstDay === null || day < firstDay) firstDay = day;
      return [p.unitId, p.sourceId, 'collected', p.url, p.canonicalUrl, p.guid, p.title, p.text, p.html ?? null, utc(when), day, utc(p.firstSeenAt), JSON.stringify(p.flags), p.contentHash, p.simhash, p.publishedAt ? p.publishedSource ?? null : null];
    }),
    { casts: { published_at: 'TIMESTAMP', published_day: 'DATE', first_seen_at: 'TIMESTAMP' }, chunk: 200 },
  );
  return { inserted: fresh.length, firstDay };
}

/** Post ids for canonical URLs, in the same order (undefined where no post has that URL). */
export async function postIdsByCanonicalUrl(db: Queryable, urls: string[]): Promise<(number | undefined)[]> {
  const rows = await db.all<{ id: number; canonical_url: string }>(
    `SELECT id, canonical_url FROM posts WHERE canonical_url IN (SELECT unnest(from_json($1, '["VARCHAR"]')))`,
    [JSON.stringify(urls)],
  );
  const byUrl = new Map(rows.map((r) => [r.canonical_url, r.id]));
  return urls.map((u) => byUrl.get(u));
}

export interface RepostCandidate {
  id: number;
  unit_id: string;
  published_at: string;
  simhash: string;
  content_hash: string;
  repost_of: number | null;
}

export function repostCandidates(db: Queryable): Promise<RepostCandidate[]> {
  return db.all<RepostCandidate>(`SELECT id, unit_id, published_at, simhash, content_hash, repost_of FROM posts WHERE origin = 'collected' ORDER BY published_at, id`);
}

export async function setRepostOf(tx: Queryable, pairs: { id: number; repostOf: number | null }[]): Promise<void> {
  for (let i = 0; i < pairs.length; i += 500) {
    const part = pairs.slice(i, i + 500);
    await tx.run(
      `UPDATE posts SET repost_of = m.r FROM (SELECT unnest(from_json($1, '["BIGINT"]')) AS id, unnest(from_json($2, '["BIGINT"]')) AS r) m WHERE posts.id = m.id`,
      [JSON.stringify(part.map((p) => p.id)), JSON.stringify(part.map((p) => p.repostOf))],
    );
  }
}

export async function postsToClassify(db: Queryable, modelVersion: string, afterId: number, limit: number): Promise<PostToClassify[]> {
  const rows = await db.all<{ id: number; title: string; text: string; published_at: string }>(
    `SELECT id, title, text, published_at FROM posts p
     WHERE id > $2 AND NOT EXISTS (SELECT 1 FROM post_classified c WHERE c.post_id = p.id AND c.model_version = $1)
     ORDER BY id LIMIT $3`,
    [modelVersion, afterId, limit],
  );
  return rows.map((r) => ({ id: r.id, title: r.title, text: r.text, publishedAt: r.published_at }));
}

export async function countPostsToClassify(db: Queryable, modelVersion: string): Promise<number> {
  const row = await db.one<{ n: number }>(
    `SELECT count(*) AS n FROM posts p WHERE NOT EXISTS (SELECT 1 FROM post_classified c WHERE c.post_id = p.id AND c.model_version = $1)`,
    [modelVersion],
  );
  return row?.n ?? 0;
}

export interface PostRow {
  id: number;
  unit_id: string;
  unit_name: string;
  title: string;
  url: string;
  text: string;
  html: string | null;
  published_at: string;
  repost_of: number | null;
  origin: string;
}

export function getPost(db: Queryable, id: number): Promise<PostRow | null> {
  return db.one<PostRow>(
    `SELECT p.id, p.unit_id, u.name AS unit_name, p.title, p.url, p.text, p.html, p.published_at, p.repost_of, p.origin
     FROM posts p JOIN units u ON u.id = p.unit_id WHERE p.id = $1`,
    [id],
  );
}

export interface UnitPostRow {
  id: number;
  title: string;
  url: string;
  published_at: string;
  repost_of: number | null;
  theme_ids: string[];
}

/** A unit's posts in a day range that match any of the given themes (the posts that counted), newest first. */
export async function countedPosts(db: Queryable, modelVersion: string, unitId: string, themeIds: string[], from: string, to: string, limit = 200): Promise<UnitPostRow[]> {
  const mine = await db.all<Omit<UnitPostRow, 'theme_ids'>>(
    `SELECT id, title, url, published_at, repost_of FROM posts WHERE unit_id = $1 AND published_day BETWEEN $2::DATE AND $3::DATE ORDER BY published_at DESC, id DESC`,
    [unitId, from, to],
  );
  const themesOf = await effectiveThemesOfPosts(db, modelVersion, mine.map((p) => p.id));
  const wanted = new Set(themeIds);
  const out: UnitPostRow[] = [];
  for (const p of mine) {
    const ids = (themesOf.get(p.id) ?? []).filter((t) => wanted.has(t));
    if (ids.length > 0) out.push({ ...p, theme_ids: ids });
    if (out.length === limit) break;
  }
  return out;
}

export function postMatches(db: Queryable, modelVersion: string, postId: number): Promise<{ theme_id: string; theme_title: string; score: number; evidence_json: string }[]> {
  return db.all(
    `SELECT e.theme_id, t.title AS theme_title, e.score, e.evidence_json
     FROM ${effectiveMatchesSqlFor('$1')} e JOIN themes t ON t.id = e.theme_id WHERE e.post_id = $2 ORDER BY e.score DESC`,
    [modelVersion, postId],
  );
}
