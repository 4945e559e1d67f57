import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../golden';
import { DEFAULT_LISTING_SELECTORS, parseListing } from './parse-listing';

const dir = path.join(import.meta.dirname, 'testdata');
const html = fs.readFileSync(path.join(dir, 'listing.html'), 'utf8');
const pageUrl = 'https://xa.gov.vn/tin/';

describe('parseListing', () => {
  it('per-source selectors → article links and next page (golden)', () => {
    const r = parseListing(html, pageUrl, { item: '.news-list .item', next: '.paging a.next' });
    expectGolden(path.join(dir, 'listing.html.result.json'), r);
  });
  const cases: Array<[string, { item: string; next?: string | null }, number, string | null]> = [
    // Without a working next selector the pager is found on its own ("Trang sau", ?page=2).
    ['only h3 links', { item: '.news-list h3 a' }, 1, 'https://xa.gov.vn/tin/?page=2'],
    ['no match', { item: '.does-not-exist' }, 0, 'https://xa.gov.vn/tin/?page=2'],
    ['invalid selector is no match, not a crash', { item: 'a[[', next: '>>' }, 0, 'https://xa.gov.vn/tin/?page=2'],
    ['defaults', DEFAULT_LISTING_SELECTORS, 3, 'https://xa.gov.vn/tin/?page=2'],
  ];
  it.each(cases)('%s', (_n, sel, count, next) => {
    const r = parseListing(html, pageUrl, sel);
    expect(r.links).toHaveLength(count);
    expect(r.next).toBe(next);
  });
});
