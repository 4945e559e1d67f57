// npm run eval:classifier -- [--themes FILE] [--gold FILE] [--json] [--no-corpus] [--errors N]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifierThemeSchema } from '@tdtt/shared/schema';
import { evaluateClassifier, parseGoldJsonl } from '@tdtt/shared/classify';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};

const themesFile = path.resolve(value('--themes', path.resolve(repoRoot, '../shared/gold/themes.json')));
const goldFile = path.resolve(value('--gold', path.resolve(repoRoot, 'tests/fixtures/classifier-dev/dev.jsonl')));
for (const f of [themesFile, goldFile]) {
  if (!fs.existsSync(f)) {
    console.error(`Không tìm thấy tệp: ${f}`);
    process.exit(2);
  }
}
const themes = classifierThemeSchema.array().parse(JSON.parse(fs.readFileSync(themesFile, 'utf8')));
const gold = parseGoldJsonl(fs.readFileSync(goldFile, 'utf8'));
const report = evaluateClassifier(themes, gold, { corpusFromGold: !flag('--no-corpus') });

const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
if (flag('--json')) {
  const { errors: _e, ...rest } = report;
  console.log(JSON.stringify(rest));
} else {
  console.log(`classifier ${report.version} · ${report.posts} posts · ${path.basename(goldFile)}`);
  console.log('theme                              support   prec    rec     F1    tp  fp  fn');
  for (const t of report.perTheme) {
    console.log(
      `${t.themeId.padEnd(34)} ${String(t.support).padStart(6)} ${pct(t.precision)} ${pct(t.recall)} ${pct(t.f1)} ${String(t.tp).padStart(4)}${String(t.fp).padStart(4)}${String(t.fn).padStart(4)}`,
    );
  }
  console.log(`micro F1 ${pct(report.microF1)}  (P ${pct(report.microPrecision)}, R ${pct(report.microRecall)})`);
  console.log(`macro F1 ${pct(report.macroF1)}`);
  console.log(`no-theme false-positive rate ${pct(report.noThemeFalsePositiveRate)}  (${report.noThemePosts} no-theme posts)`);
  console.log('worst confusions (gold → predicted instead):');
  for (const c of report.confusions.slice(0, 10)) console.log(`  ${c.gold} → ${c.predicted}: ${c.count}`);
  const n = Number(value('--errors', '0'));
  for (const e of report.errors.slice(0, n)) console.log(`  ${e.id}: gold [${e.gold.join(', ')}] predicted [${e.predicted.join(', ')}]`);
}
