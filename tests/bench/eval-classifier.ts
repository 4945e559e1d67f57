// npm run eval:classifier -- [--themes FILE] [--gold FILE] [--real DIR] [--no-real] [--json] [--no-corpus] [--errors N]
// Reports the synthetic dev set (--gold) and, unless --no-real, the real development set in
// tests/fixtures/classifier-real: phrases only, 5-fold cross-validation (dev part, linear model
// retrained per fold), the held-out fifth (model trained on the dev part) and the new-themes plan.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifierThemeSchema } from '@tdtt/shared/schema';
import { evaluateClassifier, parseGoldJsonl, type EvalReport } from '@tdtt/shared/classify';
import { evaluateReal } from './eval-real';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};

const realDir = path.resolve(value('--real', path.resolve(repoRoot, 'tests/fixtures/classifier-real')));
const sharedThemes = path.resolve(repoRoot, '../shared/gold/themes.json');
const themesFile = path.resolve(
  value('--themes', fs.existsSync(sharedThemes) ? sharedThemes : path.join(realDir, 'themes.json')),
);
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
const real = flag('--no-real') || !fs.existsSync(path.join(realDir, 'posts.jsonl')) ? null : evaluateReal(realDir);
const strip = (r: EvalReport) => {
  const { errors: _e, ...rest } = r;
  return rest;
};
const minF1 = (r: EvalReport, minSupport = 4) =>
  Math.min(...r.perTheme.filter((t) => t.support >= minSupport).map((t) => t.f1));

function print(title: string, r: EvalReport) {
  console.log(`\n== ${title} · classifier ${r.version} · ${r.posts} posts`);
  console.log('theme                              support   prec    rec     F1    tp  fp  fn');
  for (const t of r.perTheme) {
    console.log(
      `${t.themeId.padEnd(34)} ${String(t.support).padStart(6)} ${pct(t.precision)} ${pct(t.recall)} ${pct(t.f1)} ${String(t.tp).padStart(4)}${String(t.fp).padStart(4)}${String(t.fn).padStart(4)}`,
    );
  }
  console.log(`micro F1 ${pct(r.microF1)}  (P ${pct(r.microPrecision)}, R ${pct(r.microRecall)})`);
  console.log(`macro F1 ${pct(r.macroF1)}   min F1 (themes with ≥4 posts) ${pct(minF1(r))}`);
  console.log(`no-theme false-positive rate ${pct(r.noThemeFalsePositiveRate)}  (${r.noThemePosts} no-theme posts)`);
  console.log('worst confusions (gold → predicted instead):');
  for (const c of r.confusions.slice(0, 10)) console.log(`  ${c.gold} → ${c.predicted}: ${c.count}`);
  const n = Number(value('--errors', '0'));
  for (const e of r.errors.slice(0, n)) console.log(`  ${e.id}: gold [${e.gold.join(', ')}] predicted [${e.predicted.join(', ')}]`);
}

if (flag('--json')) {
  console.log(
    JSON.stringify({
      ...strip(report),
      real: real && {
        posts: real.posts,
        heldOut: real.heldOut,
        phrasesOnly: strip(real.phrasesOnly),
        crossValidated: strip(real.crossValidated),
        heldOutReport: strip(real.heldOutReport),
        newThemes: strip(real.newThemes),
      },
    }),
  );
} else {
  print(`synthetic dev set ${path.basename(goldFile)}`, report);
  if (real) {
    print(`real posts, phrases only (all ${real.posts})`, real.phrasesOnly);
    print(`real posts, 5-fold cross-validation on the dev part (${real.posts - real.heldOut})`, real.crossValidated);
    print(`real posts, held-out fifth (${real.heldOut}), model trained on the dev part`, real.heldOutReport);
    print('real posts, new-themes plan (phrases only, no training)', real.newThemes);
  }
}
