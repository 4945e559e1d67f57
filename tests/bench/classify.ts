// npm run bench:classify [-- --json]: posts/s on one core against 100 themes with ~3 KB posts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClassifier, buildCorpusStats, parseGoldJsonl, trainLinear } from '@tdtt/shared/classify';
import { CanonBuffer, canonicalInto } from '@tdtt/shared/text';
import type { ClassifierTheme, PostInput } from '@tdtt/shared/schema';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const json = process.argv.includes('--json');
const goldThemes = path.resolve(repoRoot, '../shared/gold/themes.json');
const devFile = path.resolve(repoRoot, 'tests/fixtures/classifier-dev/dev.jsonl');
const dev = parseGoldJsonl(fs.readFileSync(devFile, 'utf8'));

// 100 themes: the real theme texts when available (else the fixture's own), varied by a
// different headline per copy so every theme has its own phrases.
const baseThemes: ClassifierTheme[] = fs.existsSync(goldThemes)
  ? JSON.parse(fs.readFileSync(goldThemes, 'utf8'))
  : JSON.parse(fs.readFileSync(path.resolve(repoRoot, 'shared/src/classify/testdata/themes.json'), 'utf8'));
const headlines = [...new Set(dev.map((p) => p.title).filter(Boolean))];
const themes: ClassifierTheme[] = Array.from({ length: 100 }, (_, i) => {
  const b = baseThemes[i % baseThemes.length]!;
  return i < baseThemes.length ? b : { id: `${b.id}-${i}`, title: headlines[i % headlines.length]!, text: `${b.text} ${headlines[(i * 7) % headlines.length]}` };
});

// ~3 KB posts: consecutive dev posts joined until the text passes 3,000 characters.
const posts: PostInput[] = [];
for (let i = 0; posts.length < 400; i++) {
  let text = '';
  for (let k = i; Buffer.byteLength(text) < 3072; k++) text += dev[k % dev.length]!.text + '\n';
  while (Buffer.byteLength(text) > 3072) text = text.slice(0, -50);
  posts.push({ title: dev[i % dev.length]!.title, text });
}
const avgBytes = posts.reduce((s, p) => s + Buffer.byteLength(p.title + p.text), 0) / posts.length;

const t0 = performance.now();
const clf = buildClassifier(themes, { stats: buildCorpusStats(posts.map((p) => p.text)) });
const buildMs = performance.now() - t0;
for (const p of posts) clf.classify(p); // warm-up
const rounds = 50;
let matches = 0;
// CPU time of this process, not wall time: other work on the machine does not count against us.
const c1 = process.cpuUsage();
for (let r = 0; r < rounds; r++) for (const p of posts) matches += clf.classify(p).length;
const used = process.cpuUsage(c1);
const secs = (used.user + used.system) / 1e6;
const postsPerSec = Math.round((rounds * posts.length) / secs);

// The same posts with the learned linear model on (trained on the dev set's labels).
const ids = themes.map((t) => t.id);
const linear = trainLinear(
  ids,
  dev.map((g) => ({ post: g, labels: Object.fromEntries(ids.map((id) => [id, g.labels.includes(id)])) })),
);
const clfLin = buildClassifier(themes, { stats: buildCorpusStats(posts.map((p) => p.text)), linear });
for (const p of posts) clfLin.classify(p);
const c2 = process.cpuUsage();
for (let r = 0; r < rounds; r++) for (const p of posts) clfLin.classify(p);
const used2 = process.cpuUsage(c2);
const postsPerSecWithModel = Math.round((rounds * posts.length) / ((used2.user + used2.system) / 1e6));

// Tokenizing alone (syllables + canonical forms of title and text), the floor under classify.
const buf = new CanonBuffer();
let toks = 0;
for (const p of posts) canonicalInto(p.text, buf);
const c3 = process.cpuUsage();
for (let r = 0; r < rounds; r++)
  for (const p of posts) {
    canonicalInto(p.title, buf);
    toks += buf.n;
    canonicalInto(p.text, buf);
    toks += buf.n;
  }
const used3 = process.cpuUsage(c3);
const tokenizePostsPerSec = Math.round((rounds * posts.length) / ((used3.user + used3.system) / 1e6));
const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);

if (json) console.log(JSON.stringify({ postsPerSec, postsPerSecWithModel, tokenizePostsPerSec, peakRssMB }));
else {
  console.log('bench:classify (one core)');
  console.log(`themes             ${themes.length}`);
  console.log(`post size (avg)    ${(avgBytes / 1024).toFixed(1)} KB`);
  console.log(`build              ${buildMs.toFixed(0)} ms`);
  console.log(`posts classified   ${rounds * posts.length} (${(matches / (rounds * posts.length)).toFixed(2)} matches/post)`);
  console.log(`posts/s (CPU)      ${postsPerSec}`);
  console.log(`posts/s with model ${postsPerSecWithModel} (linear model for ${Object.keys(linear.themes).length} themes)`);
  console.log(`tokenize posts/s   ${tokenizePostsPerSec} (${Math.round(toks / (rounds * posts.length))} tokens/post)`);
  console.log(`peak RSS           ${peakRssMB} MB`);
}
