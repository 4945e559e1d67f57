import type { TextMark } from '$lib/api';

export interface Piece {
  text: string;
  mark: boolean;
}

/** Slices `text` (which starts at `offset` in the original) into plain and marked pieces; marks outside are ignored. */
export function markPieces(text: string, marks: TextMark[], offset = 0): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    const s = Math.max(at, m.start - offset);
    const e = Math.min(text.length, m.end - offset);
    if (e <= s) continue;
    if (s > at) pieces.push({ text: text.slice(at, s), mark: false });
    pieces.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
  return pieces;
}
