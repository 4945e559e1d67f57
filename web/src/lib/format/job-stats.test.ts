import { describe, expect, it } from 'vitest';
import { describeRunStats } from './job-stats';

// What /tien-trinh prints for each job's recorded stats: sentences, no raw keys or true/false.
describe('describeRunStats', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['collect', { sources: 12, failed: 2, unchanged: 3, newPosts: 34, fetched: 40, errors: 2, reposts: 0, indexed: 34 }, 'Thu thập 12 nguồn, 34 bài mới, 2 nguồn lỗi. Đưa 34 bài vào tìm kiếm.'],
    ['collect', { sources: 0, failed: 0, newPosts: 0, fetched: 0, errors: 0, reposts: 0, indexed: 0 }, 'Không có nguồn nào đến hạn thu thập (các nguồn vừa được thu thập gần đây hoặc đang tạm dừng).'],
    ['collect', { sources: 5, failed: 0, unchanged: 5, newPosts: 0, reposts: 0, indexed: 0 }, 'Thu thập 5 nguồn, 0 bài mới. Không có bài mới: các nguồn không thay đổi từ lần trước.'],
    ['collect', { sources: 4, failed: 4, unchanged: 0, newPosts: 0 }, 'Thu thập 4 nguồn, 0 bài mới, 4 nguồn lỗi. Không có bài mới vì mọi nguồn đều lỗi: xem trang Nguồn.'],
    ['collect', { sources: 4, failed: 1, unchanged: 3, newPosts: 0 }, 'Thu thập 4 nguồn, 0 bài mới, 1 nguồn lỗi. Không có bài mới: 3 nguồn không thay đổi, 1 nguồn lỗi.'],
    ['collect', { sources: 4, failed: 0, unchanged: 1, newPosts: 0 }, 'Thu thập 4 nguồn, 0 bài mới. Không có bài mới: các bài trên nguồn đều đã có từ trước.'],
    ['collect', { sources: 1200, queued: 40, posts: 0, inserted: 0 }, 'Đưa 40 nguồn đến hạn vào hàng đợi (trong 1.200 nguồn).'],
    ['classify', { classified: 1250, matched: 300, matches: 410, modelVersion: 'v3' }, 'Phân loại 1.250 bài: 300 bài khớp ít nhất một chủ đề (410 lượt khớp).'],
    ['classify', { classified: 0, matched: 0, matches: 0 }, 'Không có bài mới cần phân loại.'],
    ['rollup', { skipped: true }, 'Không có bài hay phân loại mới từ lần tổng hợp trước nên không cần tính lại.'],
    ['rollup', { from: '2026-11-03', plans: 2, scores: 480 }, 'Tính lại điểm từ ngày 03/11/2026 cho 2 kế hoạch (480 ô điểm đơn vị × tháng).'],
    ['rollup', { from: '1900-01-01', plans: 1, scores: 10 }, 'Tính lại điểm toàn bộ thời gian cho 1 kế hoạch (10 ô điểm đơn vị × tháng).'],
    ['discover', { websites: 3, found: 2, nothing: 1, failed: 0, sources: 4 }, 'Tìm nguồn trên 3 trang web: 2 trang có nguồn, 4 nguồn mới, 1 trang không thấy nguồn.'],
    ['something-new', { ok: true, since: '2026-01-02', count: 1500 }, 'Ok: có, since: 02/01/2026, count: 1.500.'],
  ];
  it.each(cases)('%s %j', (job, stats, want) => expect(describeRunStats(job, stats)).toBe(want));

  it('never shows raw keys, booleans or ISO dates for the known jobs', () => {
    for (const [job, stats] of cases.filter(([j]) => j !== 'something-new')) {
      const text = describeRunStats(job, stats);
      expect(text).not.toMatch(/\b(from|skipped|indexed|true|false)\b|\d{4}-\d{2}-\d{2}|bỏ qua/);
    }
  });
});
