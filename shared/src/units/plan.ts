// What an import would do to the registry: pure, so the dry run, the save and the tests share it.
import { foldKey } from './fold';
import type { UnitField } from './headers';
import type { RowProblem, UnitRowInput } from './rows';

/** A unit as the registry holds it. */
export interface RegistryUnit {
  id: string;
  name: string;
  code: string | null;
  kind: string;
  parentId: string | null;
  websites: string[];
  leadUsername: string | null;
  leadName: string | null;
  leadEmail: string | null;
}

export interface PlannedUnit extends RegistryUnit {
  row: number;
}

export type UnitChange = { field: 'name' | 'code' | 'kind' | 'parentId' | 'websites' | 'leadUsername' | 'leadName' | 'leadEmail'; from: unknown; to: unknown };

export interface ImportPlan {
  creates: PlannedUnit[];
  updates: { unit: PlannedUnit; changes: UnitChange[] }[];
  unchanged: { row: number; id: string }[];
  /** Lead accounts to create (their username is not taken). */
  accounts: { row: number; username: string; unitId: string; displayName: string }[];
  problems: RowProblem[];
}

export interface PlanContext {
  existing: readonly RegistryUnit[];
  /** Every account's username and unit, to refuse a lead account that is someone else's. */
  users: readonly { username: string; unitId: string | null }[];
  /** Columns the sheet has: a missing column keeps what the registry holds. */
  present: ReadonlySet<UnitField>;
}

/** A readable id from the code or name, unique among `taken`: "Sở Y tế" → "so-y-te", then "so-y-te-2". */
export function unitIdFor(codeOrName: string, taken: (id: string) => boolean): string {
  const base = foldKey(codeOrName).replace(/ /g, '-').slice(0, 60).replace(/-+$/, '') || 'don-vi';
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

type Ref = { row: number } | { unit: string } | { root: true };

function groupBy<T>(xs: readonly T[], key: (x: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Rows in any order (a child before its parent). Parent cells name a code or a name, of a row of the
 * file or of a unit already registered. A row matches a registered unit by code, else by name under the
 * same parent; matched rows update it, others create one. Every row in trouble is reported with why;
 * a row under a bad row is bad too (it could not be placed).
 */
export function planImport(rows: readonly UnitRowInput[], ctx: PlanContext): ImportPlan {
  const problems: RowProblem[] = [];
  const bad = new Map<number, string>();
  const fail = (row: number, field: RowProblem['field'], message: string) => {
    if (bad.has(row)) return;
    bad.set(row, message);
    problems.push({ row, field, message });
  };
  const codeKey = (c: string | null) => (c ? foldKey(c) : null);
  const rowsByCode = groupBy(rows, (r) => codeKey(r.code));
  const rowsByName = groupBy(rows, (r) => foldKey(r.name));
  const unitsByCode = groupBy(ctx.existing, (u) => codeKey(u.code));
  const unitsByName = groupBy(ctx.existing, (u) => foldKey(u.name));
  const unitById = new Map(ctx.existing.map((u) => [u.id, u]));

  for (const [code, same] of rowsByCode) {
    for (const r of same.slice(1)) fail(r.row, 'code', `mã "${r.code}" trùng với dòng ${same[0]!.row}`);
    void code;
  }

  // Parent references, resolved as written: code first (unique by rule), then name (must be unique).
  const parentRef = new Map<number, Ref>();
  for (const r of rows) {
    if (bad.has(r.row)) continue;
    if (!ctx.present.has('parent')) {
      parentRef.set(r.row, { root: true }); // replaced below by the matched unit's parent
      continue;
    }
    if (!r.parent) {
      parentRef.set(r.row, { root: true });
      continue;
    }
    const key = foldKey(r.parent);
    const byCode = rowsByCode.get(key)?.[0] ?? null;
    const unitByCode = unitsByCode.get(key)?.[0] ?? null;
    const named = rowsByName.get(key) ?? [];
    const unitsNamed = unitsByName.get(key) ?? [];
    if (byCode) parentRef.set(r.row, { row: byCode.row });
    else if (unitByCode) parentRef.set(r.row, { unit: unitByCode.id });
    else if (named.length === 1) parentRef.set(r.row, { row: named[0]!.row });
    else if (named.length > 1) fail(r.row, 'parent', `đơn vị cấp trên "${r.parent}" trùng tên ở các dòng ${named.map((n) => n.row).join(', ')}: hãy ghi mã đơn vị`);
    else if (unitsNamed.length === 1) parentRef.set(r.row, { unit: unitsNamed[0]!.id });
    else if (unitsNamed.length > 1) fail(r.row, 'parent', `đơn vị cấp trên "${r.parent}" trùng tên với ${unitsNamed.length} đơn vị đã có: hãy ghi mã đơn vị`);
    else fail(r.row, 'parent', `không có đơn vị cấp trên "${r.parent}" (trong tệp hoặc đã có)`);
  }

  // Cycles among the file's rows (A under B under A), reported on every row of the loop.
  const rowByNumber = new Map(rows.map((r) => [r.row, r]));
  const parentRow = (n: number): number | null => {
    const ref = parentRef.get(n);
    return ref && 'row' in ref ? ref.row : null;
  };
  const state = new Map<number, 'open' | 'done'>();
  for (const r of rows) {
    const path: number[] = [];
    let at: number | null = r.row;
    while (at !== null && !state.has(at)) {
      state.set(at, 'open');
      path.push(at);
      at = parentRow(at);
    }
    if (at !== null && state.get(at) === 'open') {
      const loop = path.slice(path.indexOf(at));
      const names = [...loop, at].map((n) => rowByNumber.get(n)!.name).join(' → ');
      for (const n of loop) fail(n, 'parent', `vòng lặp cấp trên: ${names}`);
    }
    for (const n of path) state.set(n, 'done');
  }

  // Parents before children, then each row matched or given a new id.
  const order: UnitRowInput[] = [];
  const placed = new Set<number>();
  const visit = (r: UnitRowInput, depth: number) => {
    if (placed.has(r.row) || depth > rows.length) return;
    const p = parentRow(r.row);
    if (p !== null) visit(rowByNumber.get(p)!, depth + 1);
    placed.add(r.row);
    order.push(r);
  };
  for (const r of rows) visit(r, 0);

  const taken = new Set(ctx.existing.map((u) => u.id));
  const idOfRow = new Map<number, string>();
  const claimedBy = new Map<string, number>(); // unit id → row that matched it
  const planned: PlannedUnit[] = [];
  const plan: ImportPlan = { creates: [], updates: [], unchanged: [], accounts: [], problems };
  const childKey = (parentId: string | null, name: string) => `${parentId ?? ''}\u0000${foldKey(name)}`;
  const existingByParentName = new Map(ctx.existing.map((u) => [childKey(u.parentId, u.name), u]));

  for (const r of order) {
    if (bad.has(r.row)) continue;
    const ref = parentRef.get(r.row)!;
    let parentId: string | null = null;
    if ('row' in ref) {
      if (bad.has(ref.row)) {
        fail(r.row, 'parent', `đơn vị cấp trên ở dòng ${ref.row} có lỗi`);
        continue;
      }
      parentId = idOfRow.get(ref.row)!;
    } else if ('unit' in ref) parentId = ref.unit;
    const byCode = r.code ? unitsByCode.get(codeKey(r.code)!)?.[0] : undefined;
    if (!ctx.present.has('parent')) parentId = byCode?.parentId ?? null;
    const match = byCode ?? existingByParentName.get(childKey(parentId, r.name));
    if (match && claimedBy.has(match.id)) {
      fail(r.row, 'name', `trùng với dòng ${claimedBy.get(match.id)} (cùng đơn vị "${match.name}")`);
      continue;
    }
    const keep = <K extends keyof RegistryUnit>(k: K, v: RegistryUnit[K] | null | undefined, present: boolean): RegistryUnit[K] =>
      (present && v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0) ? v : match ? match[k] : null) as RegistryUnit[K];
    const id = match?.id ?? unitIdFor(r.code ?? r.name, (x) => taken.has(x));
    taken.add(id);
    const unit: PlannedUnit = {
      row: r.row,
      id,
      name: r.name,
      code: keep('code', r.code, ctx.present.has('code')),
      kind: keep('kind', r.kind, ctx.present.has('kind')) ?? 'unit',
      parentId,
      websites: keep('websites', r.websites, ctx.present.has('websites')) ?? [],
      leadUsername: keep('leadUsername', r.leadUsername, ctx.present.has('leadUsername')),
      leadName: keep('leadName', r.leadName, ctx.present.has('leadName')),
      leadEmail: keep('leadEmail', r.leadEmail, ctx.present.has('leadEmail')),
    };
    idOfRow.set(r.row, id);
    claimedBy.set(id, r.row);
    planned.push(unit);
  }

  // Two rows under one parent with one name; a unit moved under its own descendant (through registered units).
  const finalParent = new Map(ctx.existing.map((u) => [u.id, u.parentId]));
  for (const u of planned) finalParent.set(u.id, u.parentId);
  const seenChild = new Map<string, number>();
  for (const u of planned) {
    const k = childKey(u.parentId, u.name);
    const first = seenChild.get(k);
    if (first !== undefined) fail(u.row, 'name', `trùng tên "${u.name}" với dòng ${first} dưới cùng đơn vị cấp trên`);
    else seenChild.set(k, u.row);
    const other = existingByParentName.get(k);
    if (other && other.id !== u.id && !claimedBy.has(other.id)) fail(u.row, 'name', `đã có đơn vị "${other.name}" dưới cùng đơn vị cấp trên (mã ${other.code ?? other.id})`);
    const seen = new Set<string>([u.id]);
    for (let at = u.parentId; at !== null; at = finalParent.get(at) ?? null) {
      if (seen.has(at)) {
        fail(u.row, 'parent', `vòng lặp cấp trên: "${u.name}" sẽ nằm dưới chính đơn vị trực thuộc của nó`);
        break;
      }
      seen.add(at);
    }
  }
  // A row whose parent row failed in the checks above cannot be placed either.
  for (let again = true; again; ) {
    again = false;
    for (const u of planned) {
      const p = parentRow(u.row);
      if (!bad.has(u.row) && p !== null && bad.has(p)) {
        fail(u.row, 'parent', `đơn vị cấp trên ở dòng ${p} có lỗi`);
        again = true;
      }
    }
  }

  const leadOwner = new Map(ctx.users.map((x) => [x.username, x.unitId]));
  const leadRow = new Map<string, number>();
  for (const u of planned) {
    if (bad.has(u.row) || !u.leadUsername) continue;
    const owner = leadOwner.get(u.leadUsername);
    const firstRow = leadRow.get(u.leadUsername);
    if (firstRow !== undefined) fail(u.row, 'leadUsername', `tài khoản "${u.leadUsername}" trùng với dòng ${firstRow}`);
    else if (owner !== undefined && owner !== u.id) {
      fail(u.row, 'leadUsername', `tài khoản "${u.leadUsername}" đã có và thuộc ${owner ? `đơn vị "${unitById.get(owner)?.name ?? owner}"` : 'người dùng khác'}`);
    }
    leadRow.set(u.leadUsername, u.row);
  }

  for (const u of planned) {
    if (bad.has(u.row)) continue;
    const before = unitById.get(u.id);
    if (u.leadUsername && !leadOwner.has(u.leadUsername)) {
      plan.accounts.push({ row: u.row, username: u.leadUsername, unitId: u.id, displayName: u.leadName ?? u.leadUsername });
    }
    if (!before) {
      plan.creates.push(u);
      continue;
    }
    const changes: UnitChange[] = [];
    for (const field of ['name', 'code', 'kind', 'parentId', 'leadUsername', 'leadName', 'leadEmail'] as const) {
      if (before[field] !== u[field]) changes.push({ field, from: before[field], to: u[field] });
    }
    if (!sameList(before.websites, u.websites)) changes.push({ field: 'websites', from: before.websites, to: u.websites });
    if (changes.length) plan.updates.push({ unit: u, changes });
    else plan.unchanged.push({ row: u.row, id: u.id });
  }
  problems.sort((a, b) => a.row - b.row);
  return plan;
}

/** Units ordered parents first, siblings by name (how the registry is listed and exported). */
export function treeOrder<T extends { id: string; parentId: string | null; name: string }>(units: readonly T[]): { unit: T; depth: number }[] {
  const ids = new Set(units.map((u) => u.id));
  const children = groupBy(units, (u) => (u.parentId && ids.has(u.parentId) ? u.parentId : ''));
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, 'vi');
  const out: { unit: T; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string, depth: number) => {
    for (const u of [...(children.get(parent) ?? [])].sort(byName)) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk('', 0);
  // Units on a cycle (not reachable from a root) last, so none is lost.
  for (const u of units) if (!seen.has(u.id)) out.push({ unit: u, depth: 0 });
  return out;
}
