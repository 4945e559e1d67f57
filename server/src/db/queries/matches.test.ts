import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../tests/support';
import { Database } from '../connection';
import { migrate } from '../migrate';
import { effectiveMatchesSql, effectiveThemesOfPosts } from './matches';

const dir = tempDir('tdtt-matches-');
let db: Database;

beforeAll(async () => {
  db = await Database.open(path.join(dir.dir, 'db.duckdb'));
  await migrate(db);
  // Post 1: matched, no decision. 2: matched, rejected. 3: matched, rejected then accepted again.
  // 4: a theme added by staff. 5: added then withdrawn. 6: matched only by another model version.
  // 7: two themes, one rejected; and an accepted decision on a theme also matched automatically.
  const auto: [number, string, string][] = [
    [1, 't1', 'v2'], [2, 't1', 'v2'], [3, 't2', 'v2'], [6, 't1', 'v1'], [7, 't1', 'v2'], [7, 't2', 'v2'],
  ];
  for (const [post, theme, version] of auto) {
    await db.run(`INSERT INTO post_themes (post_id, theme_id, model_version, score, evidence_json) VALUES ($1, $2, $3, 1, '[]')`, [post, theme, version]);
  }
  const decisions: [number, string, boolean, string][] = [
    [2, 't1', false, '2025-01-01 08:00'], [3, 't2', false, '2025-01-01 08:00'], [3, 't2', true, '2025-01-02 08:00'],
    [4, 't3', true, '2025-01-01 08:00'], [5, 't3', true, '2025-01-01 08:00'], [5, 't3', false, '2025-01-03 08:00'],
    [7, 't2', false, '2025-01-01 08:00'], [7, 't1', true, '2025-01-01 08:00'],
  ];
  for (const [post, theme, accepted, at] of decisions) {
    await db.run(`INSERT INTO theme_decisions (post_id, theme_id, accepted, user_id, decided_at) VALUES ($1, $2, $3, 'u', $4::TIMESTAMP)`, [post, theme, accepted, at]);
  }
});
afterAll(async () => {
  await db.close();
  dir.remove();
});

describe('effectiveThemesOfPosts', () => {
  it('applies the same rule as effectiveMatchesSql', async () => {
    const ids = [1, 2, 3, 4, 5, 6, 7, 8];
    const sql = await db.all<{ post_id: number; theme_id: string }>(`SELECT post_id, theme_id FROM ${effectiveMatchesSql('$1')} e ORDER BY 1, 2`, ['v2']);
    const js = await effectiveThemesOfPosts(db, 'v2', ids);
    const flat = [...js].flatMap(([post, themes]) => themes.map((t) => ({ post_id: post, theme_id: t })));
    flat.sort((a, b) => a.post_id - b.post_id || a.theme_id.localeCompare(b.theme_id));
    expect(flat).toEqual(sql);
    expect(flat).toEqual([
      { post_id: 1, theme_id: 't1' },
      { post_id: 3, theme_id: 't2' },
      { post_id: 4, theme_id: 't3' },
      { post_id: 7, theme_id: 't1' },
    ]);
  });

  it('reads only the posts asked for', async () => {
    expect([...(await effectiveThemesOfPosts(db, 'v2', [4, 6]))]).toEqual([[4, ['t3']]]);
    expect((await effectiveThemesOfPosts(db, 'v2', [])).size).toBe(0);
  });
});
