import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSourceKind } from '../detect';
import { expectGolden } from '../golden';
import { looksLikeListing, parseListing } from './parse-listing';

// Section pages read without a hand-written selector: golden files of each page shape, each
// with its expected articles, instants and next page (`<page>.result.json`).

const dir = path.join(import.meta.dirname, 'testdata');
const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');

const CASES: Array<[file: string, pageUrl: string, now: string]> = [
  // National portal section: featured (1 big + 3) + timeline (20), "Đọc nhiều" and consultation sidebars in the same markup.
  ['portal-section.html', 'https://chinhphu-mau.vn/chinh-tri.htm', '2025-02-03T10:30:00+07:00'],
  // Liferay 6.2 asset publisher: "21/07/2022 | 10:00 AM", "Ngày đăng 09/09/2020 | 05:07 PM | View count: 842", _cur= paging.
  ['liferay-list.html', 'https://sovanhoa-mau.gov.vn/web/sovanhoa/tin-tuc-su-kien', '2022-08-01T09:00:00+07:00'],
  // Page 2 of it: old items whose "12:00 AM" only means "no time".
  ['liferay-list-2.html', 'https://sovanhoa-mau.gov.vn/web/sovanhoa/tin-tuc-su-kien?p_p_id=101_INSTANCE_tT7kQ2&_101_INSTANCE_tT7kQ2_cur=2', '2022-08-01T09:00:00+07:00'],
  // .NET portal: title attributes month-first ("3/5/2026 3:34:00 PM") beside visible "05/03/2026 15:34".
  ['us-title-dates.html', 'https://huyen-mau.gov.vn/Pages/tin-hoat-dong.aspx', '2026-03-06T08:00:00+07:00'],
];

function summary(file: string, pageUrl: string, now: string) {
  const r = parseListing(read(file), pageUrl, null, { now: new Date(now) });
  return {
    via: r.via,
    next: r.next,
    suggested: r.suggested,
    mainGroupSize: r.mainGroupSize,
    items: r.links.map((l) => ({ url: l.url, title: l.title, published: l.published?.iso ?? null, ...(l.published?.dateOnly ? { dateOnly: true } : {}) })),
  };
}

describe('listing pages without a selector (golden)', () => {
  it.each(CASES)('%s', (file, pageUrl, now) => {
    expectGolden(path.join(dir, file + '.result.json'), summary(file, pageUrl, now));
  });

  it('portal section: the 24 articles of the section, featured first, no sidebar article', () => {
    const s = summary(...CASES[0]!);
    expect(s.items).toHaveLength(24);
    expect(s.items[0]!.title).toBe('Thủ tướng chủ trì phiên họp Chính phủ thường kỳ tháng 1 năm 2025');
    expect(s.items.every((i) => /\/chinh-tri\/bai-viet-so-\d+-/.test(i.url))).toBe(true);
    expect(s.items.every((i) => i.published && /\+07:00$/.test(i.published))).toBe(true);
    expect(s.items[4]!.published).toBe('2025-02-03T08:30:00+07:00'); // "2 giờ trước" at 10:30
    expect(s.next).toBe('https://chinhphu-mau.vn/chinh-tri.htm?page=2');
    expect(s.suggested?.item).toBeTruthy();
  });

  it('the suggested selector reads back the same articles', () => {
    for (const [file, pageUrl, now] of CASES) {
      const auto = parseListing(read(file), pageUrl, null, { now: new Date(now) });
      expect(auto.suggested, file).not.toBeNull();
      const again = parseListing(read(file), pageUrl, auto.suggested, { now: new Date(now) });
      expect(again.links.map((l) => [l.url, l.published?.iso]), file).toEqual(auto.links.map((l) => [l.url, l.published?.iso]));
    }
  });

  it('Liferay: page 2 is the _cur=2 link; "12:00 AM" items are day-only', () => {
    const p1 = summary(...CASES[1]!);
    expect(new URL(p1.next!).searchParams.get('_101_INSTANCE_tT7kQ2_cur')).toBe('2');
    expect(p1.items.map((i) => i.published)).toEqual([
      '2022-07-21T10:00:00+07:00', '2022-07-18T14:30:00+07:00', '2022-07-15T07:45:00+07:00', '2020-09-09T17:07:00+07:00', '2020-09-02T08:20:00+07:00',
    ]);
    const p2 = summary(...CASES[2]!);
    expect(new URL(p2.next!).searchParams.get('_101_INSTANCE_tT7kQ2_cur')).toBe('3');
    expect(p2.items.map((i) => [i.published, i.dateOnly])).toEqual([
      ['2012-06-28T00:00:00+07:00', true], ['2012-03-15T00:00:00+07:00', true], ['2012-01-05T00:00:00+07:00', true],
    ]);
  });

  it('US-style title attributes read month-first, and add the time a visible day lacks', () => {
    const s = summary(...CASES[3]!);
    expect(s.items.map((i) => i.published)).toEqual([
      '2026-03-05T15:34:00+07:00', '2026-03-04T09:05:12+07:00', '2026-02-20T07:30:00+07:00', '2026-02-11T06:00:00+07:00', '2026-01-02T00:00:00+07:00',
    ]);
    expect(s.next).toBe('https://huyen-mau.gov.vn/Pages/tin-hoat-dong.aspx?Page=2');
  });

  it('a section page is a listing, even marked og:type article; article pages stay articles', () => {
    for (const [file, pageUrl] of CASES) {
      expect(looksLikeListing(read(file), pageUrl), file).toBe(true);
      expect(detectSourceKind(read(file), 'text/html', pageUrl), file).toBe('listing');
    }
    const articles = fs.readdirSync(path.join(dir, '../../extract/testdata')).filter((f) => f.endsWith('.html'));
    for (const f of articles) {
      expect(detectSourceKind(fs.readFileSync(path.join(dir, '../../extract/testdata', f), 'utf8'), 'text/html', 'https://x.gov.vn/a/1.html'), f).toBe('page');
    }
  });
});
