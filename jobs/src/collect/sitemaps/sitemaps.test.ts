import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../golden';
import { ParseError } from '../parse-error';
import { parseSitemap, type ParsedSitemap } from './parse-sitemap';

const dir = path.join(import.meta.dirname, 'testdata');

function plain(s: ParsedSitemap) {
  return s.type === 'index'
    ? { type: s.type, sitemaps: s.sitemaps.map((x) => ({ url: x.url, lastmod: x.lastmod?.iso ?? null })) }
    : { type: s.type, entries: s.entries.map((e) => ({ ...e, lastmod: e.lastmod?.iso ?? null, published: e.published?.iso ?? null })) };
}

describe('parseSitemap golden files', () => {
  it.each(['urlset.xml', 'index.xml', 'news.xml'])('%s', (file) => {
    const parsed = parseSitemap(fs.readFileSync(path.join(dir, file), 'utf8'), 'https://xa.gov.vn/sitemap.xml');
    expectGolden(path.join(dir, file + '.result.json'), plain(parsed));
  });
});

describe('parseSitemap typed errors', () => {
  const cases: Array<[string, string, ParseError['kind']]> = [
    ['html', '<!doctype html><html><body>404</body></html>', 'html-not-feed'],
    ['broken', '<?xml version="1.0"?><urlset><url><loc>x</loc></urlset>', 'malformed-xml'],
    ['rss', '<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', 'not-a-sitemap'],
  ];
  it.each(cases)('%s', (_name, input, kind) => {
    expect(() => parseSitemap(input, 'https://x.gov.vn/')).toThrow(ParseError);
    try {
      parseSitemap(input, 'https://x.gov.vn/');
    } catch (e) {
      expect((e as ParseError).kind).toBe(kind);
    }
  });
});
