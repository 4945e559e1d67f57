// Forms of propaganda ("Hình thức tuyên truyền"): press, internet, oral, visual, arts, …
import type { Line } from './lines';
import { subtreeLines, subtreeText, type Node } from './outline';
import { firstClause, fold, stripEndPunct } from './text-utils';

export interface PlanForm {
  kind: string;
  kinds: string[];
  label: string;
  text: string;
}

/** Closed set of form kinds with their Vietnamese cues (folded). Order = priority. */
export const FORM_KINDS: ReadonlyArray<{ kind: string; label: string; cue: RegExp }> = [
  { kind: 'oral', label: 'Tuyên truyền miệng', cue: /tuyen truyen mieng|bao cao vien|sinh hoat chi bo|hoi nghi|toa dam|hoi thao/ },
  { kind: 'internet', label: 'Internet, mạng xã hội', cue: /internet|mang xa hoi|khong gian mang|truc tuyen|fanpage|facebook|zalo|youtube/ },
  { kind: 'press', label: 'Báo chí, trang thông tin điện tử', cue: /bao chi|phuong tien thong tin dai chung|phat thanh|truyen hinh|cong thong tin|trang thong tin|website|chuyen trang|chuyen muc/ },
  { kind: 'visual', label: 'Cổ động trực quan', cue: /co dong truc quan|pa ?-?no|ap ?-?phich|bang ?-?ron|khau hieu/ },
  { kind: 'arts', label: 'Văn học - nghệ thuật', cue: /van hoc|nghe thuat|van nghe|sang tac|trien lam/ },
  { kind: 'contest', label: 'Giải báo chí, cuộc thi', cue: /giai bao chi|cuoc thi|thi tim hieu|giai bua liem/ },
  { kind: 'emulation', label: 'Thi đua yêu nước', cue: /thi dua/ },
  { kind: 'foreign', label: 'Thông tin đối ngoại', cue: /doi ngoai/ },
  { kind: 'publication', label: 'Ấn phẩm, tài liệu', cue: /an pham|tai lieu|ban tin|de cuong/ },
  { kind: 'loudspeaker', label: 'Truyền thanh cơ sở', cue: /truyen thanh|he thong loa/ },
];

/** Kinds named in a text, earliest mention first. */
export function formKinds(text: string): string[] {
  const f = fold(text);
  return FORM_KINDS.map((k) => ({ kind: k.kind, at: f.search(k.cue) }))
    .filter((k) => k.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((k) => k.kind);
}

export function isFormsHeading(text: string): boolean {
  return /^(?:cac\s+)?(?:hinh thuc|phuong thuc|bien phap)(?:\s+(?:va\s+\S+\s+)?tuyen truyen|\s+thong tin)?\b/.test(fold(text));
}

/** One form per numbered/bulleted item (or paragraph) of a forms section; intro lines ending ":" are notes. */
export function parseForms(nodes: Node[], used: Set<Line>, notes: string[]): PlanForm[] {
  const out: PlanForm[] = [];
  for (const n of nodes) {
    const text = subtreeText(n);
    if (n.num.kind === 'none' && n.children.length === 0 && /:\s*$/.test(text)) {
      notes.push(text);
      used.add(n.line);
      continue;
    }
    const colon = n.num.rest.indexOf(':');
    const label = stripEndPunct(colon > 0 && colon < 120 ? n.num.rest.slice(0, colon) : firstClause(n.num.rest));
    const kinds = formKinds(text);
    const labelKinds = formKinds(label);
    const kind = labelKinds[0] ?? kinds[0] ?? 'other';
    out.push({ kind, kinds: kinds.length ? kinds : [kind], label: label || (FORM_KINDS.find((k) => k.kind === kind)?.label ?? 'Khác'), text });
    for (const l of subtreeLines(n)) used.add(l);
  }
  return out;
}
