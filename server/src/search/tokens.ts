// Search terms: accent- and case-folded syllables, the same for the index and for queries.
import { foldAccents, normalizeVi, tokenizeSyllables } from '@tdtt/shared/text';

/** A folded syllable with its [start, end) offsets in the original string. */
export interface FoldedToken {
  term: string;
  start: number;
  end: number;
}

const folded = new Map<string, string>();

/** "Chuyển" → "chuyen" (memoised: the vocabulary is small, numbers aside). */
export function foldTerm(norm: string): string {
  let f = folded.get(norm);
  if (f === undefined) {
    f = foldAccents(norm).toLowerCase();
    if (folded.size > 100_000) folded.clear();
    folded.set(norm, f);
  }
  return f;
}

/** Folded syllables of a text, offsets into the text as given (no normalisation copy, so offsets stay true). */
export function foldedTokens(text: string): FoldedToken[] {
  return tokenizeSyllables(text).map((s) => ({ term: foldTerm(s.norm), start: s.start, end: s.end }));
}

/** The folded syllables joined by single spaces: what the index stores per field. */
export function foldedLine(text: string): { line: string; count: number } {
  const syllables = tokenizeSyllables(text);
  let line = '';
  for (let i = 0; i < syllables.length; i++) line += (i ? ' ' : '') + foldTerm(syllables[i]!.norm);
  return { line, count: syllables.length };
}

/** Two adjacent syllables as one term (how the index stores bigrams). */
export function bigram(a: string, b: string): string {
  return `${a} ${b}`;
}

export interface ParsedQuery {
  /** Every folded syllable of the query, in order, without repeats. */
  words: string[];
  /** Quoted parts ("…"): each must occur as consecutive syllables. */
  phrases: string[][];
  /** The whole query as one phrase (ranks exact occurrences first), when it has 2+ syllables. */
  soft: string[] | null;
}

export const MAX_QUERY_SYLLABLES = 16;

/** Query text → words and phrases. Straight or curly double quotes mark a phrase. */
export function parseQuery(q: string): ParsedQuery {
  const text = normalizeVi(q);
  const phrases: string[][] = [];
  const all: string[] = [];
  const parts = text.split('"');
  parts.forEach((part, i) => {
    const terms = foldedTokens(part).map((t) => t.term);
    all.push(...terms);
    // Odd parts sit between quotes (an unclosed quote still makes a phrase of the rest).
    if (i % 2 === 1 && terms.length > 1) phrases.push(terms);
  });
  const capped = all.slice(0, MAX_QUERY_SYLLABLES);
  const words = [...new Set(capped)];
  return { words, phrases: phrases.map((p) => p.slice(0, MAX_QUERY_SYLLABLES)), soft: capped.length > 1 ? capped : null };
}
