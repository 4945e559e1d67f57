import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../golden';
import { extractArticle } from './extract-article';
import { parseDate } from './dates';

const dir = path.join(import.meta.dirname, 'testdata');
const now = new Date('2025-03-01T00:00:00+07:00');

describe('extractArticle golden files', () => {
  const cases: Array<[file: string, url: string, absent: string[]]> = [
    ['article-vn.html', 'https://www.mau.gov.vn/tin-tuc/hoi-nghi-hoc-tap-nghi-quyet.html', ['Trang chủ', 'Dự báo thời tiết', 'Bản quyền', 'trackPageview']],
    ['article-meta.html', 'https://sonoivu.gov.vn/tin/dai-hoi-doan.html?utm_source=zalo', ['Cơ cấu tổ chức', 'Hội thao công đoàn', 'Giấy phép', "alert('xss')"]],
    ['article-jsonld-time.html', 'https://xa.gov.vn/tin/ra-quan.html', []],
    ['article-no-date.html', 'https://huyen.gov.vn/thong-bao/tuyen-dung.html', []],
    ['article-future.html', 'https://huyen.gov.vn/tin/ngay-sai.html', []],
    ['article-header-date.html', 'https://xa.gov.vn/thong-bao/tiep-cong-dan.html', ['Hôm nay', 'Trang chủ', 'UBND xã Bình An']],
  ];
  it.each(cases)('%s', (file, url, absent) => {
    const a = extractArticle({ html: fs.readFileSync(path.join(dir, file), 'utf8'), url, now });
    expectGolden(path.join(dir, file + '.result.json'), { ...a, published: a.published?.iso ?? null });
    for (const s of absent) expect(a.text).not.toContain(s);
    expect(a.text).toBe(a.text.normalize('NFC'));
    expect(a.html).not.toMatch(/<script|onclick|onerror|onmouseover|style=/i);
  });

  it('the feed date wins over the page, unless implausible', () => {
    const html = fs.readFileSync(path.join(dir, 'article-meta.html'), 'utf8');
    const url = 'https://sonoivu.gov.vn/tin/dai-hoi-doan.html';
    const fromFeed = extractArticle({ html, url, now, hint: { published: parseDate('Sun, 09 Feb 2025 20:00:00 GMT') } });
    expect(fromFeed.published?.iso).toBe('2025-02-10T03:00:00+07:00');
    expect(fromFeed.publishedSource).toBe('feed');
    const future = extractArticle({ html, url, now, hint: { published: parseDate('2099-01-01') } });
    expect(future.publishedSource).toBe('meta');
    expect(future.flags).toContain('future-date');
  });

  it('a listing\'s day-only date gives way to the page\'s timed date of the same day; another day does not', () => {
    const html = fs.readFileSync(path.join(dir, 'article-meta.html'), 'utf8');
    const url = 'https://sonoivu.gov.vn/tin/dai-hoi-doan.html';
    const meta = extractArticle({ html, url, now }).published!;
    const sameDay = parseDate(meta.iso.slice(0, 10).split('-').reverse().join('/') + ' 12:00 AM')!;
    expect(sameDay.dateOnly).toBe(true);
    const a = extractArticle({ html, url, now, hint: { published: sameDay, publishedSource: 'listing' } });
    expect([a.published?.iso, a.publishedSource]).toEqual([meta.iso, 'meta']);
    const other = extractArticle({ html, url, now, hint: { published: parseDate('01/01/2025'), publishedSource: 'listing' } });
    expect([other.published?.iso, other.publishedSource]).toEqual(['2025-01-01T00:00:00+07:00', 'listing']);
  });

  it('with no date in the listing or the page, a day in the URL is used', () => {
    const html = fs.readFileSync(path.join(dir, 'article-no-date.html'), 'utf8');
    const a = extractArticle({ html, url: 'https://huyen.gov.vn/thong-bao/2025/02/14/tuyen-dung.html', now });
    expect([a.published?.iso, a.publishedSource]).toEqual(['2025-02-14T00:00:00+07:00', 'url']);
    expect(a.flags).not.toContain('no-date');
  });

  it('a per-source content selector overrides Readability; one that matches nothing does not', () => {
    const html = fs.readFileSync(path.join(dir, 'article-vn.html'), 'utf8');
    const url = 'https://www.mau.gov.vn/tin-tuc/hoi-nghi-hoc-tap-nghi-quyet.html';
    const auto = extractArticle({ html, url, now });
    const footer = extractArticle({ html, url, now, contentSelector: 'footer' });
    expect(footer.text).not.toBe(auto.text);
    expect(footer.text).toContain('Bản quyền');
    expect(extractArticle({ html, url, now, contentSelector: '.khong-co' }).text).toBe(auto.text);
  });
});
