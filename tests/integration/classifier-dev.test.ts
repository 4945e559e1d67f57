import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifierThemeSchema } from '@tdtt/shared/schema';
import { evaluateClassifier, parseGoldJsonl } from '@tdtt/shared/classify';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const goldDir = path.resolve(repoRoot, '../shared/gold');
const fixtures = path.resolve(repoRoot, 'tests/fixtures/classifier-dev');
const hasGold = fs.existsSync(path.join(goldDir, 'themes.json'));
if (!hasGold) console.warn(`classifier-dev: bỏ qua vì không có ${goldDir}/themes.json (bộ chủ đề chuẩn)`);

const load = (name: string) => parseGoldJsonl(fs.readFileSync(path.join(fixtures, name), 'utf8'));

describe.skipIf(!hasGold)('classifier on the development set with the gold themes', () => {
  const themes = hasGold ? classifierThemeSchema.array().parse(JSON.parse(fs.readFileSync(path.join(goldDir, 'themes.json'), 'utf8'))) : [];

  it('the development set has the shape the gold README describes', () => {
    const dev = load('dev.jsonl');
    expect(dev.length).toBeGreaterThanOrEqual(150);
    const ids = new Set(themes.map((t) => t.id));
    const perTheme = new Map<string, number>();
    for (const p of dev) {
      expect(p.labels.length).toBeLessThanOrEqual(3);
      for (const l of p.labels) {
        expect(ids.has(l)).toBe(true);
        perTheme.set(l, (perTheme.get(l) ?? 0) + 1);
      }
    }
    for (const id of ids) expect(perTheme.get(id) ?? 0).toBeGreaterThanOrEqual(5);
    const offTopic = dev.filter((p) => p.labels.length === 0).length / dev.length;
    expect(offTopic).toBeGreaterThan(0.12);
    expect(offTopic).toBeLessThan(0.25);
    const untitled = dev.filter((p) => !p.title).length / dev.length;
    expect(untitled).toBeGreaterThan(0.3);
    expect(untitled).toBeLessThan(0.5);
  });

  it.each([
    ['dev.jsonl', 0.85, 0.05],
    ['holdout.jsonl', 0.8, 0.1],
  ])('%s: macro-F1 and the no-theme false-positive rate stay within their floors', (file, minMacro, maxFp) => {
    const report = evaluateClassifier(themes, load(file));
    console.log(`${file}: macroF1=${report.macroF1.toFixed(3)} microF1=${report.microF1.toFixed(3)} noThemeFP=${report.noThemeFalsePositiveRate.toFixed(3)}`);
    expect(report.macroF1).toBeGreaterThanOrEqual(minMacro);
    expect(report.noThemeFalsePositiveRate).toBeLessThanOrEqual(maxFp);
    expect(report.perTheme.every((t) => t.support > 0)).toBe(true);
  });
});
