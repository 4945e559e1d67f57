// The content section → phases (dated) holding themes (class, group, numbering).
import { resolvePeriod, type NamedEvent, type PeriodContext } from '../time/index';
import { isFormsHeading, parseForms, type PlanForm } from './forms';
import type { Line } from './lines';
import { subtreeLines, subtreeText, type Node } from './outline';
import { firstClause, fold, stripEndPunct } from './text-utils';

export interface ThemeDraft {
  numbering: string | null;
  title: string;
  text: string;
  class: 'core' | 'regular' | null;
  group: string | null;
}

export interface PhaseDraft {
  label: string;
  startsOn: string | null;
  endsOn: string | null;
  flags: string[];
  themes: ThemeDraft[];
  /** Named events a date came from. */
  events?: NamedEvent[];
  /** The plan-wide phase themes fall into when no heading dates them. */
  general?: boolean;
}

interface State {
  phase: PhaseDraft | null;
  cls: 'core' | 'regular' | null;
  group: string | null;
}

export interface ContentResult {
  phases: PhaseDraft[];
  forms: PlanForm[];
}

const PHASE_START =
  /^(?:giai doan|dot \S+|thoi gian|thoi ky|tu |truoc |sau |trong (?:nam|thang|quy|dip|ngay|thoi gian|giai doan)|nam \d{4}|\d+ thang|thang \d|quy [ivx\d]|den |nhan dip|tu nay)/;

/** "Từ nay đến hết năm 2021, tập trung tuyên truyền các nội dung sau:" → "Từ nay đến hết năm 2021". */
export function phaseLabel(heading: string): string {
  return stripEndPunct(heading.replace(/,?\s*(?:tập trung|tuyên truyền các nội dung|tuyên truyền những nội dung|cần tập trung|với các nội dung|gồm các nội dung).*$/iu, ''));
}

/** "Nội dung tuyên truyền trọng tâm" / "… thường xuyên" headings; not a group that merely names "nhiệm vụ trọng tâm". */
function classOf(heading: string): 'core' | 'regular' | null {
  const f = stripEndPunct(fold(heading));
  const m = /^(?:(?:cac|nhung)\s+)?(?:(?:noi dung|chu de|van de)(?:\s+tuyen truyen)?\s+)?(trong tam|trong diem|chu yeu|thuong xuyen)(?:\s+(?:can tuyen truyen|tuyen truyen))?$/.exec(f);
  if (!m) return null;
  return m[1] === 'thuong xuyen' ? 'regular' : 'core';
}

function isContainer(heading: string): boolean {
  return /^(?:thoi gian(?: va)? noi dung|noi dung(?: tuyen truyen)?|cac noi dung|chu de)\b/.test(fold(heading)) && heading.length < 90;
}

/** A heading that opens a phase ("1.1. Từ nay đến hết năm 2021, tập trung …:", "Giai đoạn 1: từ … đến …"). */
function asPhase(heading: string, ctx: PeriodContext): PhaseDraft | null {
  const beforeColon = phaseLabel(heading.split(':')[0] ?? heading);
  const full = phaseLabel(heading.replace(/:\s*$/, ''));
  for (const label of beforeColon === full ? [full] : [beforeColon, full]) {
    if (!PHASE_START.test(fold(label))) continue;
    const p = resolvePeriod(label, ctx);
    if (!p) continue;
    const phase: PhaseDraft = { label, startsOn: p.startsOn, endsOn: p.endsOn, flags: p.flags, themes: [], events: p.events };
    const inline = label === beforeColon && heading.includes(':') ? heading.slice(heading.indexOf(':') + 1).trim() : '';
    if (inline.length > 20) phase.themes.push({ numbering: null, title: firstClause(inline), text: inline, class: null, group: null });
    return phase;
  }
  return null;
}

/** "Thời gian: từ tháng 3 đến hết tháng 12/2022" lines anywhere in the outline: the plan's own period. */
export function findTimeHint(nodes: Node[], used: Set<Line>): string | null {
  for (const n of nodes) {
    const f = fold(n.num.rest);
    if (/^thoi gian(?: thuc hien| trien khai| tuyen truyen)?\s*:/.test(f) && n.children.length === 0) {
      used.add(n.line);
      return n.num.rest.slice(n.num.rest.indexOf(':') + 1).trim();
    }
    const deeper = findTimeHint(n.children, used);
    if (deeper) return deeper;
  }
  return null;
}

export function parseContent(nodes: Node[], ctx: PeriodContext, fallback: () => PhaseDraft, used: Set<Line>, notes: string[]): ContentResult {
  const phases: PhaseDraft[] = [];
  const forms: PlanForm[] = [];
  let general: PhaseDraft | null = null;
  const phaseFor = (s: State): PhaseDraft => {
    if (s.phase) return s.phase;
    if (!general) {
      general = fallback();
      phases.push(general);
    }
    return general;
  };
  const addTheme = (n: Node, s: State, withChildren: boolean) => {
    const text = withChildren ? subtreeText(n) : n.num.rest;
    if (!text) return;
    const numbering = n.num.kind === 'none' ? null : n.num.label;
    phaseFor(s).themes.push({ numbering, title: firstClause(text), text, class: s.cls, group: s.group });
    for (const l of withChildren ? subtreeLines(n) : [n.line]) used.add(l);
  };
  const walk = (list: Node[], s: State) => {
    for (const n of list) {
      if (used.has(n.line) && n.children.length === 0) continue; // taken already (a "Thời gian: …" line)
      const heading = n.num.rest;
      const hasKids = n.children.length > 0;
      if (isFormsHeading(heading) && (hasKids || heading.length < 60)) {
        used.add(n.line);
        forms.push(...parseForms(n.children, used, notes));
        continue;
      }
      const colon = heading.indexOf(':');
      if (hasKids || /:\s*$/.test(heading) || (colon > 0 && colon < 120)) {
        const phase = asPhase(heading, ctx);
        if (phase) {
          phases.push(phase);
          used.add(n.line);
          walk(n.children, { phase, cls: null, group: null });
          continue;
        }
      }
      const cls = hasKids ? classOf(heading) : null;
      if (cls) {
        used.add(n.line);
        walk(n.children, { ...s, cls });
        continue;
      }
      if (hasKids && isContainer(heading)) {
        used.add(n.line);
        walk(n.children, s);
        continue;
      }
      // A named sub-theme reads like a heading (no closing "." or ";"); an item ending in "." that runs on is one theme.
      const isGroup = hasKids && (/:\s*$/.test(heading) || (n.num.kind !== 'bullet' && n.num.kind !== 'none' && heading.length <= 220 && !/[.;]\s*$/.test(heading)));
      if (isGroup) {
        used.add(n.line);
        walk(n.children, { ...s, group: stripEndPunct(n.line.text) });
        continue;
      }
      addTheme(n, s, true);
    }
  };
  walk(nodes, { phase: null, cls: null, group: null });
  return { phases: phases.filter((p) => p.themes.length > 0 || p !== general), forms };
}
