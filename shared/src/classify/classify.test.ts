import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ClassifierTheme, PostInput } from '../schema/classify';
import { buildClassifier, buildCorpusStats, deriveKeyphrases, TokenAutomaton } from './index';

const here = path.dirname(fileURLToPath(import.meta.url));
const themes: ClassifierTheme[] = JSON.parse(fs.readFileSync(path.join(here, 'testdata/themes.json'), 'utf8'));
const posts: { offTopic: PostInput[]; passing: PostInput[] } = JSON.parse(
  fs.readFileSync(path.join(here, 'testdata/posts.json'), 'utf8'),
);
const ids = (post: PostInput, opts = {}) =>
  buildClassifier(themes, opts)
    .classify(post)
    .map((m) => m.themeId);

describe('deriveKeyphrases', () => {
  it.each([
    ['Thực hiện Chỉ thị số 05-CT/TW ngày 15-5-2016 của Bộ Chính trị', ['Chỉ thị số 05-CT/TW', 'Chỉ thị 05']],
    ['Việc thực hiện Kết luận số 21-KL/TW của Ban Chấp hành Trung ương', ['Kết luận số 21-KL/TW', 'Kết luận 21']],
    ['Tuyên truyền Nghị quyết Đại hội XIII của Đảng', ['Đại hội XIII', 'Nghị quyết Đại hội XIII']],
    ['theo tinh thần Nghị quyết số 35 - NQ/TW', ['Nghị quyết số 35-NQ/TW']],
    ['bài viết “Chuyển đổi số là động lực phát triển”', ['Chuyển đổi số là động lực phát triển']],
    ['Kỷ niệm 50 năm Ngày giải phóng miền Nam (30/4/1975 - 30/4/2025)', ['Ngày giải phóng miền Nam']],
    ['Bầu cử đại biểu Quốc hội khóa XV', ['Quốc hội khóa XV']],
    ['tổ chức Đại hội đại biểu Đảng bộ Khối các cơ quan tỉnh lần thứ VIII, nhiệm kỳ 2025 - 2030', ['Đại hội Đảng bộ Khối các cơ quan tỉnh lần thứ VIII']],
  ])('%s', (text, expected) => {
    const got = deriveKeyphrases(text);
    for (const e of expected) expect(got).toContain(e);
  });
  it('mines salient multi-syllable phrases without cutting at function words', () => {
    const got = deriveKeyphrases('Đẩy mạnh chuyển đổi số, xây dựng chính quyền số và kinh tế số trong các cơ quan.');
    expect(got).toContain('xây dựng chính quyền số');
    expect(got).toContain('kinh tế số');
    for (const g of got) expect(g).not.toMatch(/^(và|các|trong) |(và|các|trong)$/);
  });
});

describe('TokenAutomaton', () => {
  it('finds every occurrence of overlapping patterns in one pass', () => {
    const ac = new TokenAutomaton([[1, 2], [2, 3], [1, 2, 3], [3]]);
    const hits: [number, number][] = [];
    ac.scan([1, 2, 3, -1, 1, 2], 6, (p, end) => hits.push([p, end]));
    hits.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    expect(hits).toEqual([[0, 1], [1, 2], [2, 2], [3, 2], [0, 5]]);
  });
});

describe('buildClassifier', () => {
  it('matches a theme from its headline and points evidence at the original text', () => {
    const post = {
      title: 'Hội nghị sơ kết Chỉ thị 05 - CT/TW',
      text: 'Sáng 12/6, Huyện ủy sơ kết việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2023. Nhiều tấm gương sáng được biểu dương; các mô hình hay được nhân rộng trong toàn huyện.',
    };
    const [m] = buildClassifier(themes).classify(post);
    expect(m?.themeId).toBe('hoc-tap-bac');
    expect(m!.evidence.length).toBeGreaterThan(1);
    for (const e of m!.evidence) expect((e.field === 'title' ? post.title : post.text).slice(e.start, e.end)).toBe(e.phrase);
    expect(m!.evidence.some((e) => e.field === 'title' && e.phrase === 'Chỉ thị 05 - CT/TW')).toBe(true);
  });

  it('matches across spelling variants: tone placement, Roman/word numbers, abbreviations', () => {
    expect(
      ids({
        title: '',
        text: 'Cán bộ, đảng viên học tập Văn kiện Đại hội đại biểu toàn quốc lần thứ mười ba của Đảng.\nBáo cáo viên phân tích chủ đề Đại hội: khơi dậy khát vọng phát triển đất nước phồn vinh, hạnh phúc, cùng các điểm mới của Văn kiện Đại hội 13.',
      }),
    ).toEqual(['dai-hoi-13']);
    expect(ids({ title: 'Cử tri đi bầu cử ĐBQH khoá XV và đại biểu HĐND', text: 'Tỷ lệ cử tri đi bỏ phiếu đạt 99%.' })).toContain('bau-cu');
  });

  it.each(posts.offTopic.map((p, i) => [i, p] as const))('off-topic post %i matches nothing', (_i, post) => {
    expect(ids(post)).toEqual([]);
  });

  it('a passing mention is not a match', () => {
    expect(ids(posts.passing[0]!)).toEqual([]);
  });

  it('a negative phrase vetoes the theme', () => {
    const post = { title: 'Đẩy mạnh chuyển đổi số', text: 'Xây dựng chính quyền số, kinh tế số và xã hội số ở các xã.' };
    expect(ids(post)).toEqual(['chuyen-doi-so']);
    const vetoed = themes.map((t) => (t.id === 'chuyen-doi-so' ? { ...t, negativePhrases: ['kinh tế số'] } : t));
    expect(buildClassifier(vetoed).classify(post)).toEqual([]);
  });

  it('uses given keyphrases instead of mining the text', () => {
    const custom = [{ id: 'x', title: 'Chủ đề riêng', text: 'không liên quan', keyphrases: ['cầu treo', 'khánh thành'] }];
    expect(buildClassifier(custom).classify(posts.passing[0]!).map((m) => m.themeId)).toEqual(['x']);
  });

  it('keyphrases stored from deriveKeyphrases change nothing; staff additions count in full', () => {
    const stored = themes.map((t) => ({ ...t, keyphrases: deriveKeyphrases(t.text) }));
    expect(buildClassifier(stored).phrases).toEqual(buildClassifier(themes).phrases);
    const added = themes.map((t) => (t.id === 'bau-cu' ? { ...t, keyphrases: ['hòm phiếu lưu động'] } : t));
    const p = buildClassifier(added).phrases.find((t) => t.themeId === 'bau-cu')!.phrases.find((x) => x.phrase === 'hòm phiếu lưu động');
    expect(p?.weight).toBe(1);
  });

  it('headlines in a related-news list do not make a match', () => {
    const post = {
      title: 'Giá cà phê giảm',
      text: 'Giá cà phê nhân xô hôm nay giảm 2.000 đồng/kg so với tuần trước, xuống còn 115.000 đồng/kg. Nông dân chưa vội bán ra.\nTin liên quan:\nĐẩy mạnh chuyển đổi số, xây dựng chính quyền số\nKết quả bầu cử đại biểu Quốc hội khóa XV',
    };
    expect(ids(post)).toEqual([]);
  });

  it('version is stable for the same input and changes with themes or options', () => {
    const a = buildClassifier(themes).version;
    expect(buildClassifier(themes).version).toBe(a);
    expect(buildClassifier(themes, { threshold: 2 }).version).not.toBe(a);
    expect(buildClassifier(themes.slice(1)).version).not.toBe(a);
  });

  it('corpus statistics damp mined phrases that are common in the corpus', () => {
    const corpus = Array.from({ length: 20 }, (_, i) => `Tin số ${i}: cơ bản hoàn thành, chủ đề tuần này.`);
    const stats = buildCorpusStats(corpus);
    expect(stats.docs).toBe(20);
    expect(stats.df['cơ bản']).toBe(20);
    const weight = (opts = {}) =>
      buildClassifier(themes, opts).phrases.find((t) => t.themeId === 'dai-hoi-13')!.phrases.find((p) => p.phrase === 'cơ bản')
        ?.weight ?? 0;
    expect(weight()).toBeGreaterThan(0);
    expect(weight({ stats })).toBeLessThan(weight());
  });
});
