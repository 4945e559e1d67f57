import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ClassifierTheme } from '../schema/classify';
import { buildClassifier, linearProbability, trainFromDecisions, trainLinear, type LinearExample } from './index';

const here = path.dirname(fileURLToPath(import.meta.url));
const themes: ClassifierTheme[] = JSON.parse(fs.readFileSync(path.join(here, 'testdata/themes.json'), 'utf8'));
const ids = themes.map((t) => t.id);

// Posts about village digital-technology teams (labelled chuyen-doi-so) and about weather (no theme).
const digital = (n: number) => ({
  title: `Tổ công nghệ số cộng đồng thôn ${n} ra quân`,
  text: `Tổ công nghệ số cộng đồng thôn ${n} đi từng ngõ, gõ từng nhà hướng dẫn người dân cài đặt định danh điện tử, thanh toán không dùng tiền mặt và nộp hồ sơ trực tuyến.`,
});
const weather = (n: number) => ({
  title: `Dự báo thời tiết ngày ${n}/7`,
  text: `Ngày ${n}/7 khu vực có mưa rào và dông rải rác, nhiệt độ cao nhất 33 độ, gió nhẹ. Người dân lưu ý đề phòng sét và gió giật mạnh trong cơn dông.`,
});
const complete = (post: { title: string; text: string }, on: string[]): LinearExample => ({
  post,
  labels: Object.fromEntries(ids.map((id) => [id, on.includes(id)])),
});
const examples = [
  ...[1, 2, 3, 4, 5, 6].map((n) => complete(digital(n), ['chuyen-doi-so'])),
  ...[1, 2, 3, 4, 5, 6].map((n) => complete(weather(n), [])),
];

describe('trainLinear', () => {
  it('learns hashed syllable n-grams that separate unseen posts', () => {
    const model = trainLinear(ids, examples);
    expect(model.themes['chuyen-doi-so']).toBeDefined();
    expect(linearProbability(model, 'chuyen-doi-so', digital(42))!).toBeGreaterThan(0.6);
    expect(linearProbability(model, 'chuyen-doi-so', weather(42))!).toBeLessThan(0.2);
    // Themes without enough positives get no model at all.
    expect(model.themes['bau-cu']).toBeUndefined();
  });

  it('is deterministic', () => {
    expect(trainLinear(ids, examples)).toEqual(trainLinear(ids, examples));
  });
});

describe('phrases combined with the linear model', () => {
  const linear = trainLinear(ids, examples);

  it('strengthens weak phrase evidence into a match that still shows phrase spans', () => {
    const post = digital(77);
    const base = buildClassifier(themes, { threshold: 100 }).classify(post);
    expect(base.map((m) => m.themeId)).not.toContain('chuyen-doi-so');
    const clf = buildClassifier(themes, { threshold: 100, linear, combine: { anyBelow: 0, strengthenFrom: 0.6 } });
    const m = clf.classify(post).find((x) => x.themeId === 'chuyen-doi-so');
    if (buildClassifier(themes, { threshold: 100, minScore: 0, relativeFloor: 0 }).classify(post).some((x) => x.themeId === 'chuyen-doi-so')) {
      expect(m).toBeDefined();
      expect(m!.evidence.length).toBeGreaterThan(0);
      for (const e of m!.evidence) expect(e.end).toBeGreaterThan(e.start);
    }
  });

  it('vetoes a phrase match the model finds very unlikely', () => {
    // Staff-style negatives: posts that name digital transformation only in passing.
    const portal = (n: number) => ({
      title: `Chuyển đổi số: thông báo tạm dừng cổng dịch vụ công đợt ${n}`,
      text: `Chuyển đổi số. Cổng dịch vụ công tạm dừng để bảo trì máy chủ từ ngày ${n}/3; người dân nộp hồ sơ trực tiếp tại bộ phận một cửa.`,
    });
    const base = buildClassifier(themes);
    expect(base.classify(portal(9)).map((m) => m.themeId)).toContain('chuyen-doi-so');
    const lin = trainLinear(ids, [...examples, ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => complete(portal(n), []))]);
    const p = linearProbability(lin, 'chuyen-doi-so', portal(9))!;
    const clf = buildClassifier(themes, { linear: lin, combine: { vetoBelow: p + 0.01, anyBelow: 0 } });
    expect(clf.classify(portal(9)).map((m) => m.themeId)).not.toContain('chuyen-doi-so');
    // … but not a real digital-transformation post.
    expect(clf.classify(digital(9)).map((m) => m.themeId)).toEqual(base.classify(digital(9)).map((m) => m.themeId));
  });

  it('proposes a missed theme as a suggestion with evidence spans from the post', () => {
    const post = { title: 'Ra quân tổ công nghệ số cộng đồng', text: digital(5).text.replace(/định danh điện tử|trực tuyến/g, '') };
    const clf = buildClassifier(themes, { threshold: 1000, linear, combine: { suggestFrom: 0.5, strengthenFrom: 2, anyBelow: 0 } });
    const { matches, suggestions } = clf.classifyWithSuggestions(post);
    expect(matches.map((m) => m.themeId)).not.toContain('chuyen-doi-so');
    const s = suggestions.find((x) => x.themeId === 'chuyen-doi-so');
    expect(s).toBeDefined();
    expect(s!.probability).toBeGreaterThanOrEqual(0.5);
    expect(s!.evidence.length).toBeGreaterThan(0);
    for (const e of s!.evidence) {
      expect(e.end).toBeGreaterThan(e.start);
      expect(post[e.field].slice(e.start, e.end).toLowerCase()).toBe(e.phrase.toLowerCase());
    }
    // classify() itself never returns suggestions and agrees with the matches.
    expect(clf.classify(post).map((m) => m.themeId)).toEqual(matches.map((m) => m.themeId));
  });
});

describe('retraining from staff decisions', () => {
  it('trains the linear model alongside the phrase corrections, and it changes the version', () => {
    const seed = examples;
    const decisions = [1, 2, 3].map((n) => ({ post: weather(n + 10), themeId: 'chuyen-doi-so', accepted: false }));
    const model = trainFromDecisions(themes, decisions, undefined, { seed });
    expect(model.linear).toBeDefined();
    expect(model.linear!.themes['chuyen-doi-so']).toBeDefined();
    const clf = buildClassifier(themes, { model });
    expect(clf.version).toContain(model.version);
    const without = trainFromDecisions(themes, decisions, undefined, { seed, linearTraining: false });
    expect(without.linear).toBeUndefined();
    expect(without.version).not.toBe(model.version);
  });
});
