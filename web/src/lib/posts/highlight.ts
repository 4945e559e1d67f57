// Cuts a text at evidence spans into plain and marked segments; rendering escapes every segment.

export interface Span {
  start: number;
  end: number;
  /** Theme ids this span is evidence for. */
  themeIds: string[];
}

export interface Segment {
  text: string;
  /** Theme ids covering this segment; empty for plain text. */
  themeIds: string[];
}

/** Splits `text` at span boundaries; overlapping spans merge their theme ids. Out-of-range spans are clamped. */
export function segmentText(text: string, spans: readonly Span[]): Segment[] {
  const len = text.length;
  const valid = spans
    .map((s) => ({ start: Math.max(0, Math.min(len, s.start)), end: Math.max(0, Math.min(len, s.end)), themeIds: s.themeIds }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, len]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const ids = new Set<string>();
    for (const s of valid) if (s.start <= from && s.end >= to) for (const id of s.themeIds) ids.add(id);
    const themeIds = [...ids];
    const prev = out[out.length - 1];
    // Merge neighbours with the same marking, so one phrase is one <mark>.
    if (prev && sameIds(prev.themeIds, themeIds)) prev.text += text.slice(from, to);
    else out.push({ text: text.slice(from, to), themeIds });
  }
  return out;
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export interface EvidenceLike {
  field: 'title' | 'text';
  start: number;
  end: number;
}

/** Collects the spans of one field from a post's matches. */
export function spansFor(
  matches: readonly { themeId: string; evidence: readonly EvidenceLike[] }[],
  field: 'title' | 'text',
): Span[] {
  const spans: Span[] = [];
  for (const m of matches) {
    for (const e of m.evidence) if (e.field === field) spans.push({ start: e.start, end: e.end, themeIds: [m.themeId] });
  }
  return spans;
}
