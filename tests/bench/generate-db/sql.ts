// Bulk SQL for the benchmark database: every row comes from range(), nothing row by row from JS.
import type { Database } from '../../../server/src/db/connection';
import { sentenceBank } from './article-text';

export interface Sizes {
  units: number;
  posts: number;
}

/** Root, blocks (units/125), agencies (10 per block), the rest cells spread over agencies. */
export async function insertUnits(db: Database, n: number): Promise<void> {
  const a = Math.max(4, Math.round(n / 125));
  const b = a * 10;
  await db.run(
    `INSERT INTO units (id, name, kind, parent_id)
     SELECT 'u' || i,
       CASE WHEN i = 0 THEN 'Tỉnh ủy Thử Nghiệm' WHEN i <= $1 THEN 'Đảng ủy khối số ' || i WHEN i <= $1 + $2 THEN 'Cơ quan số ' || i ELSE 'Chi bộ số ' || i END,
       CASE WHEN i = 0 THEN 'province' WHEN i <= $1 THEN 'block' WHEN i <= $1 + $2 THEN 'agency' ELSE 'cell' END,
       CASE WHEN i = 0 THEN NULL WHEN i <= $1 THEN 'u0' WHEN i <= $1 + $2 THEN 'u' || (1 + (i - $1 - 1) // 10) ELSE 'u' || ($1 + 1 + (i - $1 - $2 - 1) % $2) END
     FROM range($3) t(i)`,
    [a, b, n],
  );
  await db.run(
    `INSERT INTO sources (unit_id, kind, url, last_success_at, next_poll_at)
     SELECT id, 'feed', 'https://' || id || '.bench.example/rss', TIMESTAMP '2025-12-31 00:00:00', TIMESTAMP '2099-01-01 00:00:00' FROM units`,
  );
}

const SUBJECTS = [
  'chuyển đổi số', 'xây dựng Đảng', 'phòng, chống tham nhũng', 'bảo vệ nền tảng tư tưởng của Đảng', 'cải cách hành chính',
  'sắp xếp tổ chức bộ máy', 'an sinh xã hội', 'bảo vệ môi trường', 'kinh tế tư nhân', 'đổi mới sáng tạo',
  'văn hóa, con người Việt Nam', 'quốc phòng, an ninh', 'hội nhập quốc tế', 'nông thôn mới', 'giáo dục và đào tạo', 'hoạt động thường ngày',
];

/**
 * N posts over [firstDay, lastDay] (Vietnam days), units drawn by hash; 10% reposts of the previous post.
 * Titles come from a small vocabulary (the dashboard benchmark's searches rely on them); texts are
 * 12–16 sentences of the article-text bank (official-news style, ~33 syllables each: median ~460
 * syllables, the length of real posts).
 */
export async function insertPosts(db: Database, n: number, units: number, firstDay: string, lastDay: string): Promise<void> {
  const subjects = JSON.stringify(SUBJECTS);
  const bank = sentenceBank();
  await db.run(
    `INSERT INTO posts (unit_id, source_id, origin, url, canonical_url, title, text, published_at, published_day, first_seen_at, flags_json, content_hash, simhash)
     WITH subj AS (SELECT t.k, list_extract(from_json($4, '["VARCHAR"]'), t.k::INT + 1) AS s FROM range(${SUBJECTS.length}) t(k)),
     bank AS (SELECT from_json($5, '["VARCHAR"]') AS sentences),
     base AS (
       SELECT i, (hash(i, 1) % $2)::BIGINT AS u,
         TIMESTAMP '${firstDay} 00:00:00' - INTERVAL 7 HOUR + to_seconds((hash(i, 2) % $3)::BIGINT) AS ts,
         hash(i, 5) % ${SUBJECTS.length} AS k1
       FROM range($1) t(i)
     )
     SELECT 'u' || u, u + 1, 'collected',
       'https://u' || u || '.bench.example/tin/bai-' || i || '.html', 'https://u' || u || '.bench.example/tin/bai-' || i,
       'Tin ' || i || ': đơn vị triển khai ' || a.s,
       array_to_string(list_transform(range(12 + (hash(i, 10) % 5)::INT), lambda j: list_extract(bank.sentences, (hash(i, j, 11) % ${bank.length})::INT + 1)), ' '),
       ts, (ts + INTERVAL 7 HOUR)::DATE, ts, '[]', md5(i::VARCHAR), printf('%016x', hash(i, 3))
     FROM base JOIN subj a ON a.k = base.k1 CROSS JOIN bank
     ORDER BY ts`,
    [n, units, spanSeconds(firstDay, lastDay), subjects, JSON.stringify(bank)],
  );
  await db.run(`UPDATE posts SET repost_of = id - 1 WHERE id > 1 AND hash(id, 4) % 10 = 0`);
}

function spanSeconds(firstDay: string, lastDay: string): number {
  return (Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${firstDay}T00:00:00Z`)) / 1000 + 86_400;
}

/** 30% of posts match one theme, 6% a second one; every post is marked classified by the model version. */
export async function insertMatches(db: Database, modelVersion: string, themeIds: string[]): Promise<void> {
  const k = themeIds.length;
  await db.run(
    `INSERT INTO post_themes (post_id, theme_id, model_version, score, evidence_json)
     WITH th AS (SELECT t.i AS k, list_extract(from_json($1, '["VARCHAR"]'), t.i::INT + 1) AS id FROM range(${k}) t(i))
     SELECT p.id, th.id, $2, 0.8, '[]' FROM posts p JOIN th ON th.k = hash(p.id, 7) % ${k} WHERE hash(p.id, 8) % 100 < 30
     UNION ALL
     SELECT p.id, th.id, $2, 0.6, '[]' FROM posts p JOIN th ON th.k = (hash(p.id, 7) % ${k} + 1 + hash(p.id, 9) % ${k - 1}) % ${k} WHERE hash(p.id, 8) % 100 < 6`,
    [JSON.stringify(themeIds), modelVersion],
  );
  await db.run(`INSERT INTO post_classified (post_id, model_version) SELECT id, $1 FROM posts`, [modelVersion]);
}
