// Highlighted snippets: windows of the original text around query matches, marks as offsets into it.
import type { Snippet, TextMark as Mark } from '@tdtt/shared';
import { foldedTokens, type FoldedToken } from './tokens';

export type { Mark, Snippet };

/** Ranges of the text whose syllables are query words; consecutive query syllables join into one mark. */
export function findMarks(tokens: FoldedToken[], words: ReadonlySet<string>): Mark[] {
  const marks: Mark[] = [];
  for (const t of tokens) {
    if (!words.has(t.term)) continue;
    const last = marks[marks.length - 1];
    if (last && tokens.length && last.end <= t.start && isAdjacent(tokens, last.end, t.start)) last.end = t.end;
    else marks.push({ start: t.start, end: t.end });
  }
  return marks;
}

// Two marks join when nothing but spaces and punctuation lie between them (no other syllable).
function isAdjacent(tokens: FoldedToken[], end: number, start: number): boolean {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < end) lo = mid + 1;
    else hi = mid;
  }
  return tokens[lo]?.start === start && start - end <= 3;
}

/** Starts of the query phrase (consecutive folded syllables) in the tokens. */
function phraseStarts(tokens: FoldedToken[], phrase: string[]): number[] {
  const out: number[] = [];
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (tokens[i + k]!.term !== phrase[k]) continue outer;
    out.push(i);
  }
  return out;
}

/**
 * A window of about `width` characters around the best match (the phrase when present, else the
 * densest group of query words), cut at syllable boundaries. Without any match: the text's start.
 */
export function buildSnippet(text: string, words: string[], phrase: string[] | null, width = 220): Snippet {
  const tokens = foldedTokens(text);
  const wordSet = new Set(words);
  const all = findMarks(tokens, wordSet);
  let center: number | null = null;
  const starts = phrase && phrase.length > 1 ? phraseStarts(tokens, phrase) : [];
  if (starts.length) center = tokens[starts[0]!]!.start;
  else if (all.length) {
    // The mark with the most other marks within the window.
    let best = -1;
    for (const m of all) {
      const n = all.filter((o) => o.start >= m.start - width / 2 && o.start < m.start + width / 2).length;
      if (n > best) {
        best = n;
        center = m.start;
      }
    }
  }
  let from = 0;
  let to = Math.min(text.length, width);
  if (center !== null && text.length > width) {
    from = Math.max(0, Math.min(center - Math.floor(width / 3), text.length - width));
    to = Math.min(text.length, from + width);
    // Cut at syllable boundaries: never inside a word.
    const startTok = tokens.find((t) => t.end > from);
    if (startTok && startTok.start < from) from = startTok.end;
    const endTok = [...tokens].reverse().find((t) => t.start < to);
    if (endTok && endTok.end > to) to = endTok.start;
    if (from > 0) from = tokens.find((t) => t.start >= from)?.start ?? from;
  }
  return { from, to, marks: all.filter((m) => m.start >= from && m.end <= to) };
}
