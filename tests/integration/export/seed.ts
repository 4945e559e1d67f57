// A small hand-made world for the export tests, written through the real queries and roll-up.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CollectedPost } from '@tdtt/jobs/ports';
import type { Database } from '../../../server/src/db/connection';
import * as q from '@tdtt/server/db/queries';
import { importPlanText } from '../../../server/src/runtime/plans';
import { runRollup } from '../../../server/src/runtime/rollup';
import { setCurrentModelVersion } from '../../../server/src/runtime/model';

const here = path.dirname(fileURLToPath(import.meta.url));
export const MODEL = 'export-test-v1';

export const UNITS: q.UnitInput[] = [
  { id: 'tinh', name: 'Tỉnh ủy Hòa Bình Xanh', kind: 'province', parentId: null },
  { id: 'so-tt', name: 'Sở Thông tin và Truyền thông', kind: 'unit', parentId: 'tinh' },
  { id: 'tt-cds', name: 'Trung tâm Chuyển đổi số', kind: 'unit', parentId: 'so-tt' },
  { id: 'dai', name: 'Đài "Tiếng nói" Hòa Bình Xanh, phát thanh', kind: 'unit', parentId: 'so-tt' },
  { id: 'so-gd', name: 'Sở Giáo dục và Đào tạo', kind: 'unit', parentId: 'tinh' },
  { id: 'truong', name: 'Trường Chính trị tỉnh', kind: 'unit', parentId: 'so-gd' },
  { id: 'ngoai', name: 'Hội Văn học nghệ thuật (không được giao)', kind: 'unit', parentId: null },
];

/** A tiny deterministic PRNG so the world is the same on every run. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface SeededWorld {
  planId: string;
  themeIds: string[];
  postCount: number;
  /** Class and minimum per theme, as the scoring rules read them. */
  rules: Map<string, { class: string | null; minMatches: number }>;
}

/** Units, the plan (5 themes in 2 overlapping phases, one core theme, one needing 2 posts), posts, matches, reposts, roll-up. */
export async function seedWorld(db: Database): Promise<SeededWorld> {
  await q.upsertUnits(db, UNITS);
  const imported = await importPlanText(db, readFileSync(path.join(here, 'plan.txt'), 'utf8'), { isDefault: true, unitIds: ['tinh'] });
  if (!imported.ok) throw new Error(`plan: ${imported.message}`);
  const planId = imported.planId;
  const themes = await q.planThemes(db, planId);
  const themeIds = themes.map((t) => t.id);
  // Weights and minimums the parser leaves at their defaults: one core theme, one needing two posts.
  await db.run(`UPDATE themes SET class = 'core' WHERE id = $1`, [themeIds[1]!]);
  await db.run(`UPDATE themes SET min_matches = 2 WHERE id = $1`, [themeIds[3]!]);
  q.forgetPlanThemes(db); // the import kept the themes as parsed

  const rnd = prng(20250101);
  const posts: CollectedPost[] = [];
  const plannedThemes: string[][] = [];
  const writers = UNITS.filter((u) => u.id !== 'truong'); // one accountable unit never posts
  let n = 0;
  for (const unit of writers) {
    const perUnit = 8 + Math.floor(rnd() * 14);
    for (let i = 0; i < perUnit; i++) {
      n++;
      const month = 1 + Math.floor(rnd() * 6);
      const day = 1 + Math.floor(rnd() * 28);
      const hour = Math.floor(rnd() * 24); // some posts fall on the next Vietnam day
      const at = new Date(Date.UTC(2025, month - 1, day, hour, 17));
      const picked = themeIds.filter(() => rnd() < 0.3);
      plannedThemes.push(picked);
      const title = i % 5 === 0 ? `Bài ${n}: "Chuyển đổi số", đổi mới; thực hiện` : `Tin ${n} – ${unit.name} tuyên truyền`;
      posts.push({
        sourceId: 1,
        unitId: unit.id,
        url: `https://${unit.id}.example.vn/tin-tuc/bai-${n}?a=1&b=2`,
        canonicalUrl: `https://${unit.id}.example.vn/tin-tuc/bai-${n}`,
        guid: null,
        title,
        text: `Nội dung bài ${n} của ${unit.name}.`,
        publishedAt: at.toISOString(),
        firstSeenAt: at.toISOString(),
        flags: [],
        contentHash: `hash-${n}`,
        simhash: n.toString(16).padStart(16, '0'),
      });
    }
  }
  const { inserted } = await db.transaction((tx) => q.insertPosts(tx, posts));
  if (inserted !== posts.length) throw new Error(`inserted ${inserted} of ${posts.length}`);
  const ids = (await q.postIdsByCanonicalUrl(db, posts.map((p) => p.canonicalUrl))) as number[];
  await setCurrentModelVersion(db, MODEL);
  await db.transaction((tx) =>
    q.saveMatches(
      tx,
      MODEL,
      ids.map((postId, i) => ({ postId, matches: plannedThemes[i]!.map((themeId) => ({ themeId, score: 0.9, evidence: [] })) })),
    ),
  );
  // Every fourth post of a unit other than the province is a repost of the post before it.
  const reposts = ids.flatMap((id, i) => (i > 0 && i % 4 === 0 && posts[i]!.unitId !== 'tinh' ? [{ id, repostOf: ids[i - 1]! }] : []));
  await db.transaction((tx) => q.setRepostOf(tx, reposts));
  await runRollup(db, null, new Date('2025-06-20T00:00:00Z'));
  const run = await q.startRun(db, 'collect', new Date('2025-06-19T10:00:00Z'));
  await q.finishRun(db, run, 'ok', {}, null, new Date('2025-06-19T10:30:00Z'));
  const rules = new Map((await q.planThemes(db, planId)).map((t) => [t.id, { class: t.class, minMatches: t.min_matches }]));
  return { planId, themeIds, postCount: ids.length, rules };
}
