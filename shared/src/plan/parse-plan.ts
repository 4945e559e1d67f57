// Plan text → ParsedPlan, or a NotAPlanError. Pure: no fs, clock or env.
import { deriveKeyphrases } from '../classify/index';
import type { ParsedPlan } from '../schema/plan';
import { DEFAULT_NAMED_EVENTS, resolvePeriod, type NamedEvent, type PeriodContext } from '../time/index';
import { collectAnniversaries } from './anniversaries';
import { findTimeHint, parseContent, type PhaseDraft } from './content';
import { notAPlan, NotAPlanError } from './errors';
import { parseForms } from './forms';
import { parseHeader } from './header';
import { prepareLines, TABLE_ROW, type Line } from './lines';
import { buildOutline, subtreeLines, subtreeText, type Node } from './outline';
import { findCode, parsePreamble } from './refs';
import { layout, type Section } from './sections';
import { buildFlags } from './flags';
import { firstClause, fold, stripEndPunct } from './text-utils';
import { isUpperHeading, parseNumbering } from './numbering';
import { LIMIT_MESSAGES, PLAN_LIMITS, textLimitError } from './limits';
import { parseTail, parseUnits } from './units';

export interface ParsePlanOptions {
  namedEvents?: readonly NamedEvent[];
  /** Date of the parent document when known from elsewhere (the cascade). */
  parentDate?: string;
}

export type ParsePlanResult = { ok: true; plan: ParsedPlan } | { ok: false; error: NotAPlanError };

/**
 * Rows of an appendix table of tasks ("1 | Tuyên truyền … | Quý I/2025 | Sở …"): a theme per row, in
 * the phase its time cell names (rows of one time cell share a phase), else in the plan-wide phase.
 */
function appendixThemes(lines: Line[], ctx: PeriodContext, phases: PhaseDraft[], fallback: () => PhaseDraft, used: Set<Line>, notes: { section: string; text: string }[]): void {
  if (lines.length === 0) return;
  const section = lines[0]!.text;
  // The table's own title ("NỘI DUNG TUYÊN TRUYỀN TRỌNG TÂM NĂM 2025") names the group of its rows.
  const group = lines[1] && !TABLE_ROW.test(lines[1].text) && isUpperHeading(lines[1].text) ? lines[1].text : section;
  const byTime = new Map<string, PhaseDraft>();
  let rows = 0;
  let general: PhaseDraft | null = phases.find((p) => p.general) ?? null;
  for (const l of lines) {
    used.add(l);
    if (!TABLE_ROW.test(l.text)) {
      notes.push({ section, text: l.text });
      continue;
    }
    const cells = l.text.split(' | ');
    const text = cells[1]!;
    rows++;
    let phase: PhaseDraft | undefined;
    for (const c of cells.slice(2)) {
      // "Tháng 01/2025 - 02/2025": a month range written with a dash.
      const range = c.replace(/^(tháng\s+\d{1,2}(?:\s*\/\s*\d{4})?)\s*[-–]\s*(?:tháng\s+)?(\d{1,2}\s*\/\s*\d{4})$/iu, '$1 đến tháng $2');
      const p = /\d{4}/.test(c) ? resolvePeriod(range, ctx) : null;
      if (!p?.startsOn) continue;
      phase = byTime.get(c);
      if (!phase) {
        phase = { label: c, startsOn: p.startsOn, endsOn: p.endsOn, flags: p.flags, themes: [], events: p.events };
        byTime.set(c, phase);
        phases.push(phase);
      }
      break;
    }
    if (!phase) {
      if (!general) {
        general = fallback();
        phases.push(general);
      }
      phase = general;
    }
    phase.themes.push({ numbering: cells[0]!.replace(/\.$/, ''), title: firstClause(text), text, class: null, group });
  }
  if (rows === 0) return;
  // "Nội dung … theo Phụ lục kèm theo": a pointer to the table, not a theme of its own.
  for (const p of phases) {
    const pointers = p.themes.filter((t) => /\bphụ lục\b/iu.test(t.text) && t.text.length < 200);
    for (const t of pointers) notes.push({ section, text: t.text });
    p.themes = p.themes.filter((t) => !pointers.includes(t));
  }
  for (let i = phases.length - 1; i >= 0; i--) if (phases[i]!.general && phases[i]!.themes.length === 0) phases.splice(i, 1);
}

/** Lines of a time section that each name a dated window ("- Đợt cao điểm: từ … đến …"). */
function datedWindows(body: Line[], ctx: PeriodContext): PhaseDraft[] {
  const out: PhaseDraft[] = [];
  for (const l of body) {
    const rest = parseNumbering(l.text).rest;
    const head = rest.split(':')[0]!;
    const p = resolvePeriod(head, ctx) ?? resolvePeriod(rest, ctx);
    if (!p || !p.startsOn || !p.endsOn) continue;
    out.push({ label: stripEndPunct(rest.length <= 160 ? rest : head), startsOn: p.startsOn, endsOn: p.endsOn, flags: p.flags, themes: [], events: p.events });
  }
  return out;
}

const dmy = (iso: string): string => iso.split('-').reverse().join('/');

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 20_000);
  let bad = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++;
  }
  return bad / Math.max(1, sample.length) > 0.02;
}

function purposeParts(sec: Section, used: Set<Line>): { purposes: string[]; requirements: string[] } {
  const purposes: string[] = [];
  const requirements: string[] = [];
  let target = purposes;
  for (const n of buildOutline(sec.body)) {
    const f = fold(n.num.rest);
    if (/^muc dich|^muc tieu/.test(f) && n.num.rest.length < 40) target = purposes;
    else if (/^yeu cau/.test(f) && n.num.rest.length < 40) target = requirements;
    const text = /^(muc dich|muc tieu|yeu cau)\b/.test(f) && n.num.rest.length < 40 ? n.children.flatMap(subtreeLines).map((l) => l.text).join('\n') : subtreeLines(n).map((l) => l.text).join('\n');
    if (text) target.push(text);
    for (const l of subtreeLines(n)) used.add(l);
  }
  return { purposes, requirements };
}

function fallbackPhase(title: string, ctx: PeriodContext, hint: () => string | null): () => PhaseDraft {
  return () => {
    const h = hint();
    const hp = h ? resolvePeriod(h, ctx) : null;
    if (h && hp) return { label: h.charAt(0).toUpperCase() + h.slice(1).replace(/[.;]\s*$/, ''), startsOn: hp.startsOn, endsOn: hp.endsOn, flags: hp.flags, themes: [], events: hp.events, general: true };
    const m = /(?:từ nay|từ năm|giai đoạn|trong năm|năm \d{4}|\d+ tháng (?:đầu|cuối) năm|quý [IVX\d]+).*$/iu.exec(title);
    const p = m ? resolvePeriod(m[0], ctx) : null;
    if (m && p) return { label: m[0].charAt(0).toUpperCase() + m[0].slice(1), startsOn: p.startsOn, endsOn: p.endsOn, flags: p.flags, themes: [], events: p.events, general: true };
    const start = ctx.issuedOn ?? ctx.parentDate;
    return { label: 'Toàn bộ thời gian thực hiện kế hoạch', startsOn: start, endsOn: null, flags: ['period-unknown'], themes: [], general: true };
  };
}

function parse(text: string, opts: ParsePlanOptions): ParsePlanResult {
  if (text.trim().length === 0) return { ok: false, error: notAPlan('empty') };
  if (looksBinary(text)) return { ok: false, error: notAPlan('not-text') };
  const tooBig = textLimitError(text);
  if (tooBig) return { ok: false, error: new NotAPlanError('too-large', tooBig) };
  const prepared = prepareLines(text);
  const lay = layout(prepared.lines);
  const known = lay.sections.filter((s) => s.kind !== 'other').length;
  if (!(known >= 2 || (lay.docType && known >= 1))) return { ok: false, error: notAPlan('not-a-plan') };

  // A plan whose themes sit under "NHIỆM VỤ, GIẢI PHÁP" (no section named for content).
  if (!lay.sections.some((s) => s.kind === 'content')) {
    for (const s of lay.sections) if (s.kind === 'other' && /nhiem vu|giai phap|hoat dong/.test(fold(s.title))) s.kind = 'content';
  }
  const used = new Set<Line>();
  const notes: { section: string; text: string }[] = [];
  const header = parseHeader(lay.header, used);
  if (lay.docType) used.add(lay.docType.line);
  const rawTitle = [lay.docType?.inlineTitle ?? '', ...lay.title.map((l) => l.text)].filter(Boolean).join(' ').trim();
  const title = rawTitle.charAt(0).toUpperCase() + rawTitle.slice(1);
  lay.title.forEach((l) => used.add(l));
  const preText = lay.preamble.map((l) => l.text).join(' ');
  const pre = parsePreamble(preText);
  lay.preamble.forEach((l) => used.add(l));
  const parentDate = pre.refs.find((r) => r.date)?.date ?? opts.parentDate ?? null;
  const ctx: PeriodContext = { issuedOn: header.issuedOn, parentDate, namedEvents: opts.namedEvents ?? DEFAULT_NAMED_EVENTS };

  let purposes: string[] = [];
  let requirements: string[] = [];
  const phases: PhaseDraft[] = [];
  const forms: ParsedPlan['forms'] = [];
  const units: ParsedPlan['responsibleUnits'] = [];
  // The plan's own period, when stated apart ("III. THỜI GIAN THỰC HIỆN", "Thời gian: …").
  let timeHint: string | null = null;
  let windows: PhaseDraft[] = [];
  for (const sec of lay.sections) {
    if (sec.kind === 'time') {
      timeHint = sec.body.map((l) => l.text).join(' ').trim() || null;
      windows = datedWindows(sec.body, ctx);
      sec.body.forEach((l) => used.add(l));
    } else if (sec.kind === 'content' && !timeHint) timeHint = findTimeHint(buildOutline(sec.body), used);
  }
  const fallback = fallbackPhase(title, ctx, () => timeHint);
  for (const sec of lay.sections) {
    used.add(sec.heading);
    const nodes: Node[] = buildOutline(sec.body);
    const secNotes: string[] = [];
    if (sec.kind === 'purpose') {
      const p = purposeParts(sec, used);
      purposes = purposes.concat(p.purposes);
      requirements = requirements.concat(p.requirements);
    } else if (sec.kind === 'time') {
      if (timeHint) secNotes.push(timeHint);
    } else if (sec.kind === 'content') {
      const r = parseContent(nodes, ctx, fallback, used, secNotes);
      phases.push(...r.phases);
      forms.push(...r.forms);
    } else if (sec.kind === 'forms') {
      forms.push(...parseForms(nodes, used, secNotes));
    } else if (sec.kind === 'org') {
      units.push(...parseUnits(nodes, used, secNotes));
    } else {
      for (const n of nodes) {
        secNotes.push(subtreeText(n));
        subtreeLines(n).forEach((l) => used.add(l));
      }
    }
    notes.push(...secNotes.map((t) => ({ section: sec.title, text: t })));
  }
  const tail = parseTail(lay.tail, used);
  appendixThemes(lay.appendix, ctx, phases, fallback, used, notes);
  // "Thời gian: - Đợt cao điểm: từ 01/9 đến 30/9/2025; - Tháng 12/2025: …": one phase per window,
  // each holding the plan's themes (a match counts only on days inside a window).
  const general = phases.findIndex((p) => p.general);
  if (general >= 0 && windows.length >= 2) {
    const themes = phases[general]!.themes;
    phases.splice(general, 1, ...windows.map((w) => ({ ...w, themes: themes.map((t) => ({ ...t })) })));
  }
  // Before the key phrases of every theme are derived: that is the costly part.
  const themes = phases.reduce((s, p) => s + p.themes.length, 0);
  if (themes > PLAN_LIMITS.themes) return { ok: false, error: new NotAPlanError('too-large', LIMIT_MESSAGES.themes(themes)) };

  const reference = header.issuedOn ?? parentDate ?? phases.find((p) => p.startsOn)?.startsOn ?? null;
  const anniversaries = collectAnniversaries(prepared.lines.map((l) => l.text), reference);
  const notUnderstood = prepared.lines.filter((l) => !used.has(l)).map((l) => ({ line: l.src[0]!, text: l.text }));
  const plan: ParsedPlan = {
    code: header.code ?? findCode(lay.header.map((l) => l.text).join(' ')),
    kind: lay.docType?.kind ?? null,
    title,
    issuer: pre.issuer ?? (header.issuerLines.length ? header.issuerLines.join(' ') : null),
    issuedOn: header.issuedOn,
    signer: tail.signer,
    signerTitle: tail.signerTitle,
    implements: pre.refs,
    purposes: purposes.join('\n'),
    requirements: requirements.join('\n'),
    phases: phases.map((p, i) => ({
      key: `p${i + 1}`,
      label: p.label,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      flags: p.flags,
      themes: p.themes.map((t, j) => ({
        key: `p${i + 1}-t${j + 1}`,
        numbering: t.numbering,
        order: j + 1,
        title: t.title,
        text: t.text,
        class: t.class,
        group: t.group,
        keyphrases: deriveKeyphrases(t.text.slice(0, 6000)), // a real theme is far shorter; bounds the cost of junk
        negativePhrases: [],
      })),
    })),
    anniversaries,
    forms,
    responsibleUnits: units,
    recipients: tail.recipients,
    footnotes: prepared.footnotes,
    notes,
    notUnderstood,
    flags: [],
  };
  plan.flags = buildFlags(plan, parentDate);
  // A date taken from the named-events table, not from the text: the reviewer is told which.
  phases.forEach((p, i) => {
    for (const ev of p.events ?? []) {
      const when = ev.endDate && ev.endDate !== ev.date ? `${dmy(ev.date)} – ${dmy(ev.endDate)}` : dmy(ev.date);
      plan.flags.push({ field: `phases[${i}]`, message: `Thời gian giai đoạn “${p.label}” lấy theo bảng sự kiện: ${ev.name} (${when}).` });
    }
  });
  return { ok: true, plan };
}

/** Any text in, a plan or a typed NotAPlanError out; never throws. */
export function parsePlan(text: string, opts: ParsePlanOptions = {}): ParsePlanResult {
  try {
    return parse(typeof text === 'string' ? text : '', opts);
  } catch (e) {
    return { ok: false, error: new NotAPlanError('parse-failed', `Không phân tích được cấu trúc của kế hoạch (${e instanceof Error ? e.message : String(e)}).`) };
  }
}
