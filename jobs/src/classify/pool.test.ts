import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildClassifier } from '@tdtt/shared/classify';
import type { ClassifierTheme, PostInput } from '@tdtt/shared';
import { ClassifyPool } from './pool';

// The shared classifier's golden themes and posts.
const testdata = path.resolve(import.meta.dirname, '../../../shared/src/classify/testdata');
const themes = JSON.parse(fs.readFileSync(path.join(testdata, 'themes.json'), 'utf8')) as ClassifierTheme[];
const groups = JSON.parse(fs.readFileSync(path.join(testdata, 'posts.json'), 'utf8')) as Record<string, unknown>;
// Off-topic and passing-mention posts, plus one post written from each theme (which should match).
const posts: PostInput[] = [
  ...Object.values(groups).flatMap((g) => (Array.isArray(g) ? (g as PostInput[]) : [])),
  ...themes.map((t) => ({ title: t.title, text: `${t.text ?? ''} ${t.title}.`, published: '2025-03-01T08:00:00+07:00' })),
];
const local = buildClassifier(themes);
const pool = new ClassifyPool({ themes, version: local.version }, { size: 2, execArgv: ['--import', 'tsx'] });
afterAll(() => pool.close());

describe('ClassifyPool', () => {
  it('gives the same matches as the in-thread classifier, batch by batch', async () => {
    expect(posts.length).toBeGreaterThan(3);
    const expected = posts.map((p) => local.classify(p));
    expect(expected.some((m) => m.length > 0)).toBe(true);
    const half = Math.ceil(posts.length / 2);
    const batches = await Promise.all([pool.classifyBatch(posts.slice(0, half)), pool.classifyBatch(posts.slice(half)), pool.classifyBatch([])]);
    expect(batches[0].concat(batches[1])).toEqual(expected);
    expect(batches[2]).toEqual([]);
    expect(pool.version).toBe(local.version);
  });
  it('refuses work once closed', async () => {
    const p = new ClassifyPool({ themes, version: 'v' }, { size: 1, execArgv: ['--import', 'tsx'] });
    await p.close();
    await expect(p.classifyBatch([{ title: 'x', text: 'y' }])).rejects.toThrow(/closed/);
  });
});
