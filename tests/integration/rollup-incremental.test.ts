// Issue 8: roll-ups live in DuckDB and are updated incrementally — from the earliest touched day — after
// collection and re-classification, never on a page view. A new post and a staff decision are rolled
// up from their day: the pages read the old figures until then, the months before stay as they were,
// and the result equals a roll-up of everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageResponse } from '@tdtt/shared';
import { contentHash, simhash } from '@tdtt/jobs/collect';
import * as q from '../../server/src/db/queries';
import { markRollupDirty, runRollup, takeRollupDirty } from '../../server/src/runtime/rollup';
import { DuckDbStore } from '../../server/src/runtime/store';
import { getJson } from '../support';
import { NOW, startWorld, type World } from './dashboard-world';

const ROLLUPS = ['coverage_daily', 'coverage_monthly', 'unit_scores', 'subtree_scores', 'subtree_theme_totals', 'theme_top_posts'];

let w: World;
beforeAll(async () => {
  w = await startWorld();
}, 60_000);
afterAll(() => w?.close());

/** Every roll-up table's rows, in a fixed order, as text. */
async function snapshot(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of ROLLUPS) out[t] = (await w.db.all(`SELECT * FROM ${t} ORDER BY ALL`)).map((r) => JSON.stringify(r));
  return out;
}

/** Rows of a snapshot that fall before a month (tables with a day or month column). */
const before = (rows: string[], month: string) =>
  rows.filter((r) => {
    const o = JSON.parse(r) as { day?: string; month?: string };
    const at = o.day ?? o.month;
    return at !== undefined && at.slice(0, 7) < month;
  });

async function coverageOf(unitId: string, themeId: string): Promise<{ own: number; repost: number }> {
  const { body } = await getJson<CoverageResponse>(w.base, `/api/coverage?month=2025-06`, { headers: await w.login('staff') });
  const row = body.units.find((u) => u.id === unitId)!;
  const i = body.themes.findIndex((t) => t.id === themeId);
  return { own: row.counts[i]!.own, repost: row.counts[i]!.repost };
}

describe('roll-ups after collection and re-classification', () => {
  it('are updated from the earliest touched day, read by pages only once rolled up, and equal a full roll-up', async () => {
    const t1 = w.themeId('t1');
    const start = await snapshot();
    const khoiB = await coverageOf('khoi-b', t1);
    const soA1 = await coverageOf('so-a1', t1);

    // A collection stores a post of Khối Beta on 17/06 that classification matches to t1 …
    const url = 'http://khoi-b.example/tin/moi';
    const text = 'Bài mới của Khối Beta ngày 17/06.';
    await w.db.transaction((tx) =>
      q.insertPosts(tx, [
        { sourceId: w.sourceIds['khoi-b']!, unitId: 'khoi-b', url, canonicalUrl: url, guid: null, title: 'Tin mới', text, publishedAt: '2025-06-17T09:00:00+07:00', firstSeenAt: '2025-06-17T03:00:00Z', flags: [], contentHash: contentHash(text), simhash: simhash(text) },
      ]),
    );
    const [newId] = await q.postIdsByCanonicalUrl(w.db, [url]);
    await w.db.transaction((tx) => q.saveMatches(tx, 'test-v1', [{ postId: newId!, matches: [{ themeId: t1, score: 2, evidence: [] }] }]));
    await markRollupDirty(w.db, '2025-06-17');
    // … and staff reject the t1 match of Sở Alpha Một's repost of 02/06.
    const repost = (await w.db.one<{ id: number }>(`SELECT id FROM posts WHERE unit_id = 'so-a1' AND published_day = DATE '2025-06-02'`))!.id;
    await w.db.transaction((tx) => q.insertDecision(tx, { postId: repost, themeId: t1, accepted: false, userId: 'canbo', at: NOW }));
    await markRollupDirty(w.db, '2025-06-02');

    // Pages read the roll-ups: nothing has moved yet.
    expect(await coverageOf('khoi-b', t1)).toEqual(khoiB);
    expect(await snapshot()).toEqual(start);

    // The roll-up job takes the earliest touched day and rolls up from there.
    const from = await takeRollupDirty(w.db);
    expect(from).toBe('2025-06-02');
    await runRollup(w.db, from, NOW);
    const incremental = await snapshot();
    expect(await coverageOf('khoi-b', t1)).toEqual({ own: khoiB.own + 1, repost: khoiB.repost });
    expect(await coverageOf('so-a1', t1)).toEqual({ own: soA1.own, repost: soA1.repost - 1 });
    for (const t of ['coverage_daily', 'coverage_monthly', 'unit_scores', 'subtree_scores']) {
      expect(before(incremental[t]!, '2025-06'), t).toEqual(before(start[t]!, '2025-06'));
      expect(before(incremental[t]!, '2025-06').length, t).toBeGreaterThan(0);
    }
    expect(incremental).not.toEqual(start);

    // Everything rolled up anew gives the same tables.
    await runRollup(w.db, null, NOW);
    expect(await snapshot()).toEqual(incremental);
  });
});

describe('roll-ups after concurrent collections', () => {
  it('roll up every day that eight collections running at once touched, the earliest included', async () => {
    await runRollup(w.db, await takeRollupDirty(w.db), NOW); // nothing stale before the collections
    expect(await takeRollupDirty(w.db)).toBeNull();
    // Eight collections save their posts at once, each on another day of June, the earliest started first
    // (the order in which a read-then-write mark kept only the last, latest day).
    const store = new DuckDbStore(w.db, () => NOW);
    const units = ['tinh', 'khoi-a', 'so-a1', 'khoi-b', 'so-b1'];
    const days = Array.from({ length: 8 }, (_, i) => `2025-06-${String(3 + 2 * i).padStart(2, '0')}`);
    const saved = await Promise.all(
      days.map((day, i) => {
        const unit = units[i % units.length]!;
        const url = `http://${unit}.example/tin/dong-thoi-${i}`;
        const text = `Bài thu thập đồng thời số ${i} của ${unit} ngày ${day}.`;
        return store.savePosts([
          { sourceId: w.sourceIds[unit]!, unitId: unit, url, canonicalUrl: url, guid: null, title: `Tin đồng thời ${i}`, text, publishedAt: `${day}T09:00:00+07:00`, firstSeenAt: `${day}T03:00:00Z`, flags: [], contentHash: contentHash(text), simhash: simhash(text) },
        ]);
      }),
    );
    expect(saved.map((s) => s.inserted)).toEqual(days.map(() => 1));
    const ids = await q.postIdsByCanonicalUrl(w.db, days.map((_, i) => `http://${units[i % units.length]}.example/tin/dong-thoi-${i}`));
    const t1 = w.themeId('t1');
    await w.db.transaction((tx) => q.saveMatches(tx, 'test-v1', ids.map((id) => ({ postId: id!, matches: [{ themeId: t1, score: 2, evidence: [] }] }))));

    const from = await takeRollupDirty(w.db);
    expect(from).toBe(days[0]);
    await runRollup(w.db, from, NOW);
    // Every touched day is in the daily roll-up, with its new post …
    for (const [i, day] of days.entries()) {
      const unit = units[i % units.length]!;
      const row = await w.db.one<{ n: number }>(
        `SELECT sum(own + repost) AS n FROM coverage_daily WHERE unit_id = $1 AND theme_id = $2 AND day = $3::DATE`,
        [unit, t1, day],
      );
      expect(row?.n ?? null, `${unit} ${day}`).toBe(1); // the only t1 post of that unit on that day
    }
    // … and the incremental result equals a roll-up of everything.
    const incremental = await snapshot();
    await runRollup(w.db, null, NOW);
    expect(await snapshot()).toEqual(incremental);
  });
});
