import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ClassifierTheme } from '../schema/classify';
import { buildClassifier, trainFromDecisions, type Decision } from './index';

const here = path.dirname(fileURLToPath(import.meta.url));
const themes: ClassifierTheme[] = JSON.parse(fs.readFileSync(path.join(here, 'testdata/themes.json'), 'utf8'));
const score = (model: Parameters<typeof buildClassifier>[1], post: { title: string; text: string }, id: string) =>
  buildClassifier(themes, model).classify(post).find((m) => m.themeId === id)?.score ?? 0;

// Staff say: posts about the "Cổng dịch vụ công" upgrade are not about the digital-transformation theme.
const portal = (n: number) => ({
  title: `Nâng cấp cổng dịch vụ công trực tuyến đợt ${n}`,
  text: `Từ ngày ${n}/3, cổng dịch vụ công của tỉnh tạm dừng để nâng cấp máy chủ. Trong thời gian này người dân nộp hồ sơ trực tiếp tại bộ phận một cửa. Việc chuyển đổi số được Sở Thông tin và Truyền thông bảo đảm an toàn.`,
});
// Staff say: posts about the village book club honouring Uncle Ho's example ARE the learning theme.
const club = (n: number) => ({
  title: `Câu lạc bộ đọc sách thôn ${n}`,
  text: `Mỗi tối thứ Bảy, câu lạc bộ đọc sách thôn ${n} cùng nhau đọc những mẩu chuyện về Bác. Các thành viên kể lại việc làm tốt trong tuần, giúp nhau sửa khuyết điểm, giữ gìn đạo đức cách mạng theo lời Bác dạy.`,
});

describe('trainFromDecisions', () => {
  it('rejections push a theme out, acceptances pull a missed theme in', () => {
    const base = buildClassifier(themes);
    expect(base.classify(portal(1)).map((m) => m.themeId)).toContain('chuyen-doi-so');
    expect(base.classify(club(1)).map((m) => m.themeId)).not.toContain('hoc-tap-bac');

    const decisions: Decision[] = [
      ...[1, 2, 3].map((n) => ({ post: portal(n), themeId: 'chuyen-doi-so', accepted: false })),
      ...[1, 2, 3].map((n) => ({ post: club(n), themeId: 'hoc-tap-bac', accepted: true })),
    ];
    const model = trainFromDecisions(themes, decisions);
    const after = buildClassifier(themes, { model });
    expect(after.version).not.toBe(base.version);
    expect(after.version).toContain(model.version);
    expect(after.classify(portal(1)).map((m) => m.themeId)).not.toContain('chuyen-doi-so');
    expect(after.classify(club(1)).map((m) => m.themeId)).toContain('hoc-tap-bac');
    // An unseen post of each kind moves the same way.
    expect(score({ model }, portal(9), 'chuyen-doi-so')).toBeLessThan(score({}, portal(9), 'chuyen-doi-so'));
    expect(score({ model }, club(9), 'hoc-tap-bac')).toBeGreaterThan(score({}, club(9), 'hoc-tap-bac'));
    expect(after.classify(club(9)).map((m) => m.themeId)).toContain('hoc-tap-bac');
  });

  it('leaves themes without decisions alone and keeps learning from a previous model', () => {
    const post = { title: 'Kết quả bầu cử đại biểu Quốc hội khóa XV', text: 'Tỷ lệ cử tri đi bầu đạt 99,5%.' };
    const m1 = trainFromDecisions(themes, [{ post: portal(1), themeId: 'chuyen-doi-so', accepted: false }]);
    expect(score({ model: m1 }, post, 'bau-cu')).toBe(score({}, post, 'bau-cu'));
    const m2 = trainFromDecisions(themes, [{ post: portal(2), themeId: 'chuyen-doi-so', accepted: false }], m1);
    expect(m2.generation).toBe(2);
    expect(m2.version).not.toBe(m1.version);
    expect(m2.themes['chuyen-doi-so']!.bias).toBeLessThan(m1.themes['chuyen-doi-so']!.bias);
  });

  it('is deterministic', () => {
    const d: Decision[] = [{ post: club(1), themeId: 'hoc-tap-bac', accepted: true }];
    expect(trainFromDecisions(themes, d)).toEqual(trainFromDecisions(themes, d));
  });
});
