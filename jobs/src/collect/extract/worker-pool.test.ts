import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash, simhash } from '../dedup';
import { extractArticle } from './extract-article';
import { ExtractPool } from './worker-pool';

const dir = path.join(import.meta.dirname, 'testdata');
const pool = new ExtractPool({ size: 2, execArgv: ['--import', 'tsx'] });
afterAll(() => pool.close());

describe('ExtractPool', () => {
  it('gives the same result as in-thread extraction, for many pages at once', async () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.html'));
    const now = new Date('2025-03-01T00:00:00+07:00');
    const inputs = files.flatMap((f) => [1, 2, 3].map((k) => ({ html: fs.readFileSync(path.join(dir, f), 'utf8'), url: `https://x.gov.vn/${k}/${f}`, now })));
    const pooled = await Promise.all(inputs.map((i) => pool.extract(i)));
    // The worker also hashes the text, so the main thread does not have to.
    expect(pooled).toEqual(
      inputs.map((i) => {
        const a = extractArticle(i);
        return { ...a, contentHash: contentHash(a.text), simhash: simhash(a.text) };
      }),
    );
  });
  it('refuses work once closed', async () => {
    const p = new ExtractPool({ size: 1, execArgv: ['--import', 'tsx'] });
    await p.close();
    await expect(p.extract({ html: '', url: 'https://x.gov.vn/', now: new Date() })).rejects.toThrow(/closed/);
  });
});
