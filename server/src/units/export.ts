// The registry back to a sheet with the import's columns: importing it again changes nothing.
import { kindLabel, UNIT_FIELDS, UNIT_HEADERS, type UnitField } from '@tdtt/shared/units';
import type { RegistryRow } from '../db/queries';

/** Rows of the sheet (header first); the parent is named by its code when it has one, else its name. */
export function registryGrid(units: readonly RegistryRow[]): string[][] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const value: Record<UnitField, (u: RegistryRow) => string> = {
    code: (u) => u.code ?? '',
    name: (u) => u.name,
    parent: (u) => {
      const p = u.parentId ? byId.get(u.parentId) : undefined;
      return p ? (p.code ?? p.name) : '';
    },
    kind: (u) => kindLabel(u.kind),
    websites: (u) => u.websites.join('\n'),
    leadUsername: (u) => u.leadUsername ?? '',
    leadName: (u) => u.leadName ?? '',
    leadEmail: (u) => u.leadEmail ?? '',
  };
  return [UNIT_FIELDS.map((f) => UNIT_HEADERS[f]), ...units.map((u) => UNIT_FIELDS.map((f) => value[f](u)))];
}

export async function registryXlsx(units: readonly RegistryRow[]): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  const grid = registryGrid(units);
  ws.columns = UNIT_FIELDS.map((f) => ({ width: f === 'name' ? 45 : f === 'websites' ? 40 : 20 }));
  for (const row of grid) ws.addRow(row);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  units.forEach((u, i) => {
    ws.getCell(i + 2, 2).alignment = { indent: Math.min(u.depth, 15) };
    ws.getCell(i + 2, 5).alignment = { wrapText: true };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
