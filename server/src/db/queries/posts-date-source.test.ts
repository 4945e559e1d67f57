import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectedPost } from '@tdtt/jobs/ports';
import { tempDir } from '../../../../tests/support';
import { Database } from '../connection';
import { migrate } from '../migrate';
import { insertPosts } from './posts';
import { getSource, insertSource, updateSourceSettings } from './sources';

// Where a post's date came from is stored beside it; a source's overrides are stored as given
// (empty fields dropped), in a real DuckDB file.

const dir = tempDir('tdtt-date-source-');
let db: Database;
beforeAll(async () => {
  db = await Database.open(path.join(dir.dir, 'db.duckdb'));
  await migrate(db);
});
afterAll(async () => {
  await db.close();
  dir.remove();
});

const post = (k: number, publishedAt: string | null, publishedSource: string | null): CollectedPost => ({
  sourceId: 1, unitId: 'u', url: `https://x.gov.vn/${k}`, canonicalUrl: `https://x.gov.vn/${k}`, guid: null, title: `Bài ${k}`,
  text: `Nội dung bài ${k}`, publishedAt, publishedSource, firstSeenAt: '2025-03-01T00:00:00+07:00', flags: publishedAt ? [] : ['no-date'],
  contentHash: `h${k}`, simhash: '0000000000000000',
});

describe('posts.published_source and sources.overrides_json', () => {
  it('stores the date origin, and none for a post without a date', async () => {
    await insertPosts(db, [post(1, '2022-07-21T10:00:00+07:00', 'listing'), post(2, '2025-02-03T08:15:00+07:00', 'meta'), post(3, null, 'listing')]);
    const rows = await db.all<{ url: string; published_source: string | null }>(`SELECT url, published_source FROM posts ORDER BY url`);
    expect(rows.map((r) => r.published_source)).toEqual(['listing', 'meta', null]);
  });

  it('keeps a source’s overrides, dropping empty fields', async () => {
    const id = await insertSource(db, { unitId: 'u', kind: 'listing', url: 'https://x.gov.vn/tin', listing: null, overrides: { encoding: '', dateOrder: 'mdy' } });
    expect(JSON.parse((await getSource(db, id))!.overrides_json!)).toEqual({ dateOrder: 'mdy' });
    await updateSourceSettings(db, id, { listing: { item: 'ul > li', next: null }, overrides: { encoding: null, contentSelector: '' } }, new Date('2025-03-01T00:00:00Z'));
    const s = (await getSource(db, id))!;
    expect(s.overrides_json).toBeNull();
    expect(JSON.parse(s.listing_json!)).toEqual({ item: 'ul > li', next: null });
  });
});
