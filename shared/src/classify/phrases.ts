import type { ClassifierTheme } from '../schema/classify';
import { canonicalPhrase, normalizeVi } from '../text';
import { CONCEPTS, type Concept } from './concepts';
import { MORE_CONCEPTS } from './concepts-more';
import { phraseDocShare, type CorpusStats } from './corpus';
import { namedReferences, quotedPhrases, salientNgrams } from './derive';
import { GENERIC } from './stopwords';

/** strong = from the title, the concept vocabulary or staff-edited keyphrases; weak = mined from the text. */
export type PhraseSource = 'title' | 'concept' | 'keyphrase' | 'reference' | 'quote' | 'ngram';

export interface WeightedPhrase {
  /** canonical tokens joined by spaces */
  phrase: string;
  weight: number;
  source: PhraseSource;
}

export interface ThemePhrases {
  themeId: string;
  phrases: WeightedPhrase[];
  negatives: string[];
  /** numbered frames of the title (congress, term, legislature) that the theme is about … */
  owns: string[];
  /** … and the neighbouring numbers: a post naming only those is about another event */
  conflicts: string[];
}

const FRAMES: { re: RegExp; step: number }[] = [
  { re: /(?:^| )(\S+ khóa) (\d{1,2})(?= |$)/g, step: 1 },
  { re: /(?:^| )(đại hội) (\d{1,2})(?= |$)/g, step: 1 },
  { re: /(?:^| )(nhiệm kỳ) (\d{4})(?= |$)/g, step: 5 },
];

/** "quốc hội khóa 15" → owns "hội khóa 15", conflicts "hội khóa 14", "hội khóa 16". */
export function numberFrames(title: string): { owns: string[]; conflicts: string[] } {
  const c = canonicalPhrase(title);
  const owns: string[] = [];
  const conflicts: string[] = [];
  for (const { re, step } of FRAMES) {
    for (const m of c.matchAll(re)) {
      const n = Number(m[2]);
      owns.push(`${m[1]} ${n}`);
      conflicts.push(`${m[1]} ${n - step}`, `${m[1]} ${n + step}`);
    }
  }
  return { owns, conflicts: conflicts.filter((x) => !owns.includes(x)) };
}

const STRONG: ReadonlySet<PhraseSource> = new Set(['title', 'concept', 'keyphrase']);

function pad(s: string): string {
  return ` ${s} `;
}

/** How many of a concept's triggers occur in a title (0: the concept does not apply). */
function triggerHits(title: string, c: Concept): number {
  const t = pad(canonicalPhrase(title));
  return c.triggers.filter((tr) => t.includes(pad(canonicalPhrase(tr)))).length;
}

export function conceptsForTitle(title: string, concepts: readonly Concept[] = [...CONCEPTS, ...MORE_CONCEPTS]): Concept[] {
  return concepts.filter((c) => triggerHits(title, c) > 0);
}

/** Each concept goes to the theme(s) whose title names most of its triggers. */
function assignConcepts(themes: readonly ClassifierTheme[], concepts: readonly Concept[]): Concept[][] {
  const out: Concept[][] = themes.map(() => []);
  for (const c of concepts) {
    const hits = themes.map((t) => triggerHits(t.title, c));
    const best = Math.max(0, ...hits);
    if (best > 0) hits.forEach((h, i) => h === best && out[i]!.push(c));
  }
  return out;
}

function rawPhrases(theme: ClassifierTheme, concepts: readonly Concept[]): { phrases: WeightedPhrase[]; negatives: string[] } {
  const out: WeightedPhrase[] = [];
  const add = (text: string, weight: number, source: PhraseSource, canonical = false) => {
    const phrase = canonical ? text : canonicalPhrase(text);
    if (phrase && weight > 0) out.push({ phrase, weight, source });
  };
  const title = normalizeVi(theme.title);
  if (title.split(' ').length <= 16) add(title, 1.2, 'title');
  for (const seg of title.split(/;|\s+và\s+/)) {
    const c = canonicalPhrase(seg);
    const n = c.split(' ').length;
    // Two-syllable pieces ("học tập", a truncated "Đại hội…") say too little to own anything.
    if (n >= 3 && !GENERIC.has(c)) add(c, n >= 4 ? 0.6 : 0.4, 'title', true);
  }
  const negatives = (theme.negativePhrases ?? []).map(canonicalPhrase).filter(Boolean);
  for (const c of concepts) {
    for (const [p, w] of Object.entries(c.phrases)) add(p, w, 'concept');
    for (const n of c.negative ?? []) negatives.push(canonicalPhrase(n));
  }
  // What the theme text itself yields. Keyphrases stored by plan import are usually
  // deriveKeyphrases of this same text: they keep these (low) weights, so storing them changes
  // nothing; only phrases staff added beyond the text count as full keyphrases.
  const mined = new Map<string, { weight: number; source: PhraseSource }>();
  for (const r of namedReferences(theme.text)) mined.set(canonicalPhrase(r), { weight: /\d/.test(r) && /\//.test(r) ? 1.0 : 0.7, source: 'reference' });
  for (const q of quotedPhrases(theme.text)) {
    if (q.split(' ').length <= 14) mined.set(canonicalPhrase(q), { weight: 1.0, source: 'quote' });
  }
  for (const [g] of salientNgrams(theme.text)) {
    if (!GENERIC.has(g) && !mined.has(g)) mined.set(g, { weight: g.split(' ').length >= 3 ? 0.25 : 0.1, source: 'ngram' });
  }
  for (const [phrase, m] of mined) add(phrase, m.weight, m.source, true);
  for (const k of theme.keyphrases ?? []) {
    const c = canonicalPhrase(k);
    if (c && !mined.has(c) && !GENERIC.has(c)) add(c, 1.0, 'keyphrase', true);
  }
  return { phrases: out, negatives };
}

/**
 * Weighted phrases for every theme. A mined phrase that another theme owns (it overlaps that
 * theme's title or concept phrases and not this one's) is dropped; phrases shared by several
 * themes are damped; mined phrases common in the corpus are damped by their document share.
 */
export function buildThemePhrases(
  themes: readonly ClassifierTheme[],
  opts: { stats?: CorpusStats; concepts?: readonly Concept[] } = {},
): ThemePhrases[] {
  const assigned = assignConcepts(themes, opts.concepts ?? [...CONCEPTS, ...MORE_CONCEPTS]);
  const raw = themes.map((t, i) => rawPhrases(t, assigned[i]!));
  const strong = raw.map((r) => r.phrases.filter((p) => STRONG.has(p.source)).map((p) => pad(p.phrase)));
  const titles = raw.map((r) => r.phrases.filter((p) => p.source === 'title').map((p) => pad(p.phrase)));
  const overlaps = (a: string, b: string) => a.includes(b) || b.includes(a);
  const owners = new Map<string, Set<number>>();
  const result = raw.map((r, ti) => {
    const best = new Map<string, WeightedPhrase>();
    for (const p of r.phrases) {
      const pp = pad(p.phrase);
      // A theme's own title outranks another theme's vocabulary ("nông thôn mới" belongs to the
      // new-countryside theme, not to the socio-economic concept, when a plan has both).
      if (p.source !== 'title' && !titles[ti]!.some((s) => overlaps(s, pp))) {
        if (titles.some((ts, tj) => tj !== ti && ts.some((s) => overlaps(s, pp)))) continue;
      }
      if (!STRONG.has(p.source)) {
        const ownedHere = strong[ti]!.some((s) => overlaps(s, pp));
        const ownedElsewhere = strong.some((ss, tj) => tj !== ti && ss.some((s) => overlaps(s, pp)));
        if (ownedElsewhere && !ownedHere) continue;
        if (opts.stats) {
          const share = phraseDocShare(opts.stats, p.phrase);
          p.weight *= Math.max(0.1, 1 - 3 * share);
        }
      }
      const prev = best.get(p.phrase);
      if (!prev || prev.weight < p.weight) best.set(p.phrase, p);
    }
    for (const k of best.keys()) owners.set(k, (owners.get(k) ?? new Set()).add(ti));
    return { themeId: themes[ti]!.id, phrases: [...best.values()], negatives: [...new Set(r.negatives)], ...numberFrames(themes[ti]!.title) };
  });
  for (const tp of result) {
    for (const p of tp.phrases) {
      const k = owners.get(p.phrase)!.size;
      if (k > 1) p.weight /= Math.sqrt(k);
    }
  }
  return result;
}
