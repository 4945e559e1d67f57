// Logical lines → an outline tree by numbering rank (sections, 1., 1.1., a), bullets, paragraphs).
import type { Line } from './lines';
import { parseNumbering, type Numbering } from './numbering';

export interface Node {
  line: Line;
  num: Numbering;
  children: Node[];
}

/** Builds the tree of a run of lines. */
export function buildOutline(lines: Line[]): Node[] {
  const root: Node = { line: { text: '', src: [] }, num: { kind: 'none', label: '', rank: -1, rest: '' }, children: [] };
  const stack: Node[] = [root];
  const nums = lines.map((l) => parseNumbering(l.text));
  for (const [i, line] of lines.entries()) {
    let num = nums[i]!;
    // An unnumbered heading ("Giai đoạn 1: từ … đến …") over lettered items or bullets.
    const next = nums[i + 1];
    if (num.kind === 'none' && next && (next.kind === 'alpha' || next.kind === 'bullet') && line.text.length < 160 && !/[.;]\s*$/.test(line.text)) {
      num = { ...num, rank: 4.5 };
    }
    const node: Node = { line, num, children: [] };
    // A paragraph after bullets belongs to the bullets' parent, not to the last bullet.
    while (stack.length > 1 && stack[stack.length - 1]!.num.rank >= num.rank) stack.pop();
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  }
  return root.children;
}

/** Every line of a subtree, in document order. */
export function subtreeLines(node: Node): Line[] {
  return [node.line, ...node.children.flatMap(subtreeLines)];
}

/** Text of a node with its descendants (numbering of the node itself removed). */
export function subtreeText(node: Node): string {
  return [node.num.rest, ...node.children.flatMap(subtreeLinesText)].join(' ').trim();
}

function subtreeLinesText(n: Node): string[] {
  return [n.line.text, ...n.children.flatMap(subtreeLinesText)];
}
