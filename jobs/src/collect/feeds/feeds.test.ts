import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../golden';
import { ParseError } from '../parse-error';
import { parseFeed } from './parse-feed';
import { discoverFeeds, sitemapsFromRobots } from './discover';

const dir = path.join(import.meta.dirname, 'testdata');
const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');

describe('parseFeed golden files', () => {
  const cases: Array<[file: string, feedUrl: string]> = [
    ['rss2-basic.xml', 'https://huyenuy-mau.gov.vn/rss'],
    ['atom.xml', 'https://sovh.gov.vn/atom.xml'],
    ['rdf.xml', 'https://xa-binh-an.gov.vn/rss.rdf'],
    ['youtube.xml', 'https://www.youtube.com/feeds/videos.xml?channel_id=UC123'],
    ['control-chars.xml', 'https://a.gov.vn/rss'],
    ['messy-items.xml', 'https://b.gov.vn/rss.xml'],
    ['empty.xml', 'https://d.gov.vn/rss'],
    ['archive.xml', 'https://xa.gov.vn/rss'],
    // US-style zone-less item dates, the channel in +0700: month-first, +07:00, "12:00:00 AM" a day only.
    ['us-dates.xml', 'http://sovanhoa-mau.gov.vn/rss.aspx'],
  ];
  it.each(cases)('%s', async (file, feedUrl) => {
    const feed = await parseFeed(read(file), feedUrl);
    const summary = { ...feed, items: feed.items.map((i) => ({ ...i, published: i.published?.iso ?? null })) };
    expectGolden(path.join(dir, file + '.result.json'), summary);
  });
});

describe('parseFeed typed errors', () => {
  const cases: Array<[file: string, kind: ParseError['kind']]> = [
    ['html-as-rss.xml', 'html-not-feed'],
    ['malformed.xml', 'malformed-xml'],
    ['not-a-feed.xml', 'not-a-feed'],
  ];
  it.each(cases)('%s → %s', async (file, kind) => {
    const err = await parseFeed(read(file), 'https://c.gov.vn/rss').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParseError);
    expect((err as ParseError).kind).toBe(kind);
    expect((err as ParseError).message).not.toBe('');
  });
});

describe('discoverFeeds', () => {
  it('finds declared feeds first, then anchors and common paths', () => {
    const found = discoverFeeds(read('home.html'), 'https://www.tinh-uy.gov.vn/trang-chu');
    expectGolden(path.join(dir, 'home.html.result.json'), found);
    expect(found[0]).toMatchObject({ via: 'link-alternate', kind: 'feed' });
  });
  it('reads Sitemap lines from robots.txt', () => {
    expect(sitemapsFromRobots('User-agent: *\nSitemap: /sitemap.xml\nsitemap: https://x.gov.vn/news.xml\n', 'https://x.gov.vn/')).toEqual([
      'https://x.gov.vn/sitemap.xml',
      'https://x.gov.vn/news.xml',
    ]);
  });
});
