// Raw text → logical lines (page-broken paragraphs re-joined), each with its source line numbers.
import { cleanLine, footnoteText, isArtefact } from './clean';
import { isUpperHeading, parseNumbering } from './numbering';

export interface Line {
  text: string;
  /** 1-based source line numbers this logical line came from. */
  src: number[];
}

export interface Footnote {
  mark: string;
  text: string;
  line: number;
}

export interface Prepared {
  lines: Line[];
  footnotes: Footnote[];
  /** Layout lines (page numbers, separators) consumed as such. */
  artefacts: number[];
}

const SIGNATURE = /^(?:t\/m|tm\.?\s|k\/t|kt\.?\s|q\.\s|nơi nhận|kính gửi|số\s*:?\s*\d|đảng cộng sản việt nam)/iu;
const PREAMBLE_START = /^(?:Thực hiện|Căn cứ)\s/u;
const DOC_LINE = /^(?:kế hoạch|hướng dẫn|chương trình(?: hành động)?)$/iu;
/** A table row kept as one line by prepareLines. */
export const TABLE_ROW = /^\d{1,3}\.? \| /;
const TERMINAL = /[.;:!?…"”)]\s*$/u;

function isStructural(text: string, prev: Line, prevTerminal: boolean): boolean {
  const num = parseNumbering(text);
  // A wrapped line may begin with the dash of "kinh tế - xã hội": not a bullet when it goes on in lower case.
  const wrappedDash = num.kind === 'bullet' && num.label === '-' && startsLower(num.rest) && prev.text.length >= 60 && !prevTerminal;
  return (num.kind !== 'none' && !wrappedDash) || TABLE_ROW.test(text) || SIGNATURE.test(text) || PREAMBLE_START.test(text) || isUpperHeading(text);
}

function startsLower(text: string): boolean {
  const c = text[0] ?? '';
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

/**
 * Running headers and footers of a paginated text (pages split by form feeds): a short line that
 * opens or closes at least two pages and is the same each time. Returns the raw line indexes.
 */
function runningLines(pages: string[][]): Set<number> {
  if (pages.length < 3) return new Set();
  const edges = new Map<string, number[]>();
  let base = 0;
  for (const page of pages) {
    // Page numbers are artefacts already; the running line sits next to them.
    const idx = page.map((l, i) => [l.trim(), base + i] as const).filter(([t]) => t.length > 0 && !isArtefact(t));
    for (const [t, i] of [idx[0], idx[idx.length - 1]].filter((x) => x !== undefined)) {
      if (t.length > 100) continue;
      const key = t.replace(/\d+/g, '#'); // "Trang 2/7" and "Trang 3/7" are one footer
      edges.set(key, [...(edges.get(key) ?? []), i]);
    }
    base += page.length;
  }
  const out = new Set<number>();
  for (const at of edges.values()) if (new Set(at).size >= 2) at.forEach((i) => out.add(i));
  return out;
}

export function prepareLines(text: string): Prepared {
  const pages = text.replace(/\r\n?/g, '\n').split('\f').map((p) => p.split('\n'));
  const raw = pages.flat();
  const running = runningLines(pages);
  const lines: Line[] = [];
  const footnotes: Footnote[] = [];
  const artefacts: number[] = [];
  const pendingMarks: string[] = [];
  // Of the last logical line: nothing joins a heading/signature/doc-type line; does it end a sentence.
  let prevState = { closed: true, terminal: true, numberedHeading: false };
  raw.forEach((rawLine, idx) => {
    const n = idx + 1;
    if (running.has(idx)) {
      artefacts.push(n);
      return;
    }
    // Two-column header and signature blocks come as tabs or wide runs of spaces.
    // A table row of tasks ("1 | Nội dung | Thời gian | Đơn vị", tabs or pipes) stays one line, cells joined by " | ".
    const cells = rawLine.split(/\t+|\s+\|\s+/).map((c) => c.trim()).filter(Boolean);
    const row = cells.length >= 3 && /^\d{1,3}\.?$/.test(cells[0]!);
    const segs = row ? [cells.join(' | ')] : rawLine.length < 160 ? rawLine.split(/\t+| {4,}(?=\S)/) : rawLine.split(/\t+/);
    for (const seg of segs) {
      const { text: t, marks } = cleanLine(seg);
      if (!t) continue;
      if (isArtefact(t)) {
        artefacts.push(n);
        continue;
      }
      const fn = footnoteText(t);
      if (fn !== null && (pendingMarks.length > 0 || /^[¹²³⁴⁵⁶⁷⁸⁹⁰]/u.test(t))) {
        footnotes.push({ mark: pendingMarks.shift() ?? t.trim()[0]!, text: fn, line: n });
        continue;
      }
      pendingMarks.push(...marks);
      const prev = lines[lines.length - 1];
      // Only the new piece is tested, never the whole joined line: joining stays linear in the text.
      // "I. MỤC" / "ĐÍCH, YÊU CẦU": a numbered capitals heading wrapped onto an unnumbered capitals line.
      const headingGoesOn =
        prev !== undefined && prevState.numberedHeading && !prevState.terminal && prev.text.length < 100 && isUpperHeading(t) && parseNumbering(t).kind === 'none' && !SIGNATURE.test(t) && !DOC_LINE.test(t);
      const joinable =
        headingGoesOn ||
        (prev !== undefined &&
        !prevState.closed &&
        !isStructural(t, prev, prevState.terminal) &&
        (startsLower(t) || (prev.text.length >= 60 && !prevState.terminal)));
      if (joinable && prev) {
        prev.text = `${prev.text} ${t}`;
        if (prev.src[prev.src.length - 1] !== n) prev.src.push(n);
        prevState.terminal = TERMINAL.test(t);
      } else {
        lines.push({ text: t, src: [n] });
        const upper = isUpperHeading(t);
        const kind = upper ? parseNumbering(t).kind : 'none';
        prevState = { closed: upper || SIGNATURE.test(t) || DOC_LINE.test(t), terminal: TERMINAL.test(t), numberedHeading: upper && (kind === 'roman' || kind === 'num') };
      }
    }
  });
  return { lines, footnotes, artefacts };
}
