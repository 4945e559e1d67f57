import { canonicalTokens } from '../text';

/** Document frequencies of canonical uni- and bigrams over a corpus of post texts. */
export interface CorpusStats {
  docs: number;
  df: Record<string, number>;
}

export function buildCorpusStats(texts: Iterable<string>): CorpusStats {
  const df = new Map<string, number>();
  let docs = 0;
  for (const text of texts) {
    docs++;
    const toks = canonicalTokens(text).map((t) => t.t);
    const seen = new Set<string>();
    for (let i = 0; i < toks.length; i++) {
      seen.add(toks[i]!);
      if (i + 1 < toks.length) seen.add(toks[i]! + ' ' + toks[i + 1]!);
    }
    for (const k of seen) df.set(k, (df.get(k) ?? 0) + 1);
  }
  return { docs, df: Object.fromEntries(df) };
}

/** Share of documents containing a canonical phrase, estimated by its most specific bigram. */
export function phraseDocShare(stats: CorpusStats, phrase: string): number {
  if (stats.docs === 0) return 0;
  const toks = phrase.split(' ');
  let min = Infinity;
  if (toks.length === 1) min = stats.df[toks[0]!] ?? 0;
  for (let i = 0; i + 1 < toks.length; i++) min = Math.min(min, stats.df[toks[i]! + ' ' + toks[i + 1]!] ?? 0);
  return min / stats.docs;
}
