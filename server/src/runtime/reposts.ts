import type { Database } from '../db/connection';
import * as q from '../db/queries';
import { vietnamDay } from '@tdtt/shared/score';
import { markRollupDirty } from './rollup';
import { noteRepostChanges } from '../search';

const MAX_DISTANCE = 3;

function hamming(a: bigint, b: bigint): number {
  let x = a ^ b;
  let n = 0;
  while (x) {
    x &= x - 1n;
    n++;
  }
  return n;
}

/**
 * Marks reposts: a post whose text is a near-duplicate (SimHash within 3 bits, or the same hash) of an
 * earlier post by another unit points to the earliest publisher. Four 16-bit bands find candidates:
 * two hashes within 3 bits agree exactly on at least one band.
 */
export async function markReposts(db: Database): Promise<{ reposts: number }> {
  const posts = await q.repostCandidates(db);
  const bands = [new Map<number, number[]>(), new Map<number, number[]>(), new Map<number, number[]>(), new Map<number, number[]>()];
  const hashes: bigint[] = [];
  const changes: { id: number; repostOf: number | null }[] = [];
  let reposts = 0;
  posts.forEach((p, i) => {
    const h = BigInt(`0x${p.simhash || '0'}`);
    hashes.push(h);
    let original: number | null = null;
    for (let b = 0; b < 4 && original === null; b++) {
      const key = Number((h >> BigInt(16 * b)) & 0xffffn);
      for (const j of bands[b]!.get(key) ?? []) {
        const other = posts[j]!;
        if (other.unit_id !== p.unit_id && (other.content_hash === p.content_hash || hamming(hashes[j]!, h) <= MAX_DISTANCE)) {
          original = other.repost_of ?? other.id;
          break;
        }
      }
    }
    if (original !== null) reposts++;
    if (original !== p.repost_of) changes.push({ id: p.id, repostOf: original });
    for (let b = 0; b < 4; b++) {
      const key = Number((h >> BigInt(16 * b)) & 0xffffn);
      const list = bands[b]!.get(key);
      if (list) list.push(i);
      else bands[b]!.set(key, [i]);
    }
  });
  if (changes.length) {
    const changed = new Set(changes.map((c) => c.id));
    const first = posts.find((p) => changed.has(p.id))!; // posts are in publication order
    await db.transaction(async (tx) => {
      await q.setRepostOf(tx, changes);
      await markRollupDirty(tx, vietnamDay(new Date(first.published_at)));
    });
    noteRepostChanges(db, changes); // the search's in-memory filter flags
  }
  return { reposts };
}
