// One unit at a time (the page's forms): create, edit (rename, code, kind, move, websites), retire, merge.
// The same rules as the import: one name per parent, one code per registry, no cycle.
import { foldKey, normalizeWebsite, unitIdFor, type RegistryUnit } from '@tdtt/shared/units';
import { isCalendarDay } from '@tdtt/shared';
import type { Database } from '../db/connection';
import * as q from '../db/queries';

/** A refused change, naming the field at fault (the route answers 400 with it). */
export class RegistryError extends Error {
  constructor(readonly field: string, message: string, readonly status: 400 | 404 = 400) {
    super(`${field}: ${message}`);
  }
}

export interface UnitEdit {
  name?: string;
  code?: string | null;
  kind?: string;
  parentId?: string | null;
  websites?: string[];
}

async function check(db: Database, unit: RegistryUnit, isNew: boolean): Promise<void> {
  const all = await q.registryUnits(db, { includeRetired: true });
  const byId = new Map(all.map((u) => [u.id, u]));
  if (!unit.name.trim()) throw new RegistryError('name', 'hãy nhập tên đơn vị');
  if (unit.parentId !== null && !byId.has(unit.parentId)) throw new RegistryError('parentId', `không có đơn vị cấp trên "${unit.parentId}"`);
  const twin = all.find((u) => u.id !== unit.id && u.parentId === unit.parentId && !u.retiredFrom && foldKey(u.name) === foldKey(unit.name));
  if (twin) throw new RegistryError('name', `đã có đơn vị "${twin.name}" dưới cùng đơn vị cấp trên`);
  if (unit.code) {
    const same = all.find((u) => u.id !== unit.id && u.code && foldKey(u.code) === foldKey(unit.code!));
    if (same) throw new RegistryError('code', `mã "${unit.code}" đã dùng cho đơn vị "${same.name}"`);
  }
  if (!isNew) {
    for (let at = unit.parentId, steps = 0; at !== null && steps <= all.length; at = byId.get(at)?.parentId ?? null, steps++) {
      if (at === unit.id) throw new RegistryError('parentId', 'không thể chuyển đơn vị vào dưới chính nó hoặc đơn vị trực thuộc của nó');
    }
  }
}

function cleanSites(sites: string[] | undefined): string[] | undefined {
  if (!sites) return undefined;
  return [...new Set(sites.map((s) => {
    const url = normalizeWebsite(s.trim());
    if (!url) throw new RegistryError('websites', `"${s}" không phải địa chỉ web (http/https)`);
    return url;
  }))];
}

export async function createUnit(db: Database, input: Required<Pick<UnitEdit, 'name'>> & UnitEdit): Promise<RegistryUnit> {
  const all = await q.registryUnits(db, { includeRetired: true });
  const taken = new Set(all.map((u) => u.id));
  const name = input.name.normalize('NFC').trim();
  const unit: RegistryUnit = {
    id: unitIdFor(input.code || name, (x) => taken.has(x)),
    name, code: input.code?.trim() || null, kind: input.kind ?? 'unit', parentId: input.parentId ?? null,
    websites: cleanSites(input.websites) ?? [], leadUsername: null, leadName: null, leadEmail: null,
  };
  await check(db, unit, true);
  await db.transaction((tx) => q.saveRegistryUnits(tx, [unit]));
  return unit;
}

export async function editUnit(db: Database, id: string, edit: UnitEdit): Promise<{ before: RegistryUnit; after: RegistryUnit }> {
  const before = (await q.registryUnits(db, { includeRetired: true })).find((u) => u.id === id);
  if (!before) throw new RegistryError('id', `không có đơn vị "${id}"`, 404);
  const after: RegistryUnit = {
    ...before,
    name: edit.name !== undefined ? edit.name.normalize('NFC').trim() : before.name,
    code: edit.code !== undefined ? edit.code?.trim() || null : before.code,
    kind: edit.kind ?? before.kind,
    parentId: edit.parentId !== undefined ? edit.parentId : before.parentId,
    websites: cleanSites(edit.websites) ?? before.websites,
  };
  await check(db, after, false);
  await db.transaction((tx) => q.saveRegistryUnits(tx, [after]));
  return { before, after };
}

/** The API's one day rule (shared/src/schema/dates): a real calendar day in range. */
function checkDay(field: string, day: string): void {
  if (!isCalendarDay(day)) throw new RegistryError(field, 'ngày phải có dạng YYYY-MM-DD và có trên lịch');
}

export async function retireUnit(db: Database, id: string, from: string | null): Promise<void> {
  if (from !== null) checkDay('from', from);
  if (!(await q.getUnit(db, id))) throw new RegistryError('id', `không có đơn vị "${id}"`, 404);
  await db.transaction((tx) => q.setUnitRetired(tx, id, from));
}

/** Several units become one from a day: the successor exists (or is created first by the caller). */
export async function mergeUnits(db: Database, fromIds: string[], intoId: string, from: string): Promise<void> {
  checkDay('from', from);
  if (!fromIds.length) throw new RegistryError('unitIds', 'hãy chọn ít nhất một đơn vị được hợp nhất');
  if (fromIds.includes(intoId)) throw new RegistryError('into', 'đơn vị mới không được nằm trong danh sách đơn vị được hợp nhất');
  const known = new Set((await q.listUnits(db, [...fromIds, intoId])).map((u) => u.id));
  const missing = [...fromIds, intoId].filter((x) => !known.has(x));
  if (missing.length) throw new RegistryError(known.has(intoId) ? 'unitIds' : 'into', `không có đơn vị ${missing.map((m) => `"${m}"`).join(', ')}`);
  await db.transaction((tx) => q.recordMerge(tx, fromIds, intoId, from));
}
