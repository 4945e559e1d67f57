// A registry sheet of n units in four levels (province → 50 communes' blocs → … → cells), children
// listed before parents, as the 50,000-row import test and bench:units-import use it.
import { csvLine } from '@tdtt/shared/units';

export function bigUnitSheet(n: number, sep: ',' | ';' = ';'): string {
  const rows: string[][] = [];
  const level1 = 50;
  const level2 = 20;
  let made = 1;
  const lines: string[] = [];
  // Leaves first: each row names its parent by code, which comes later in the file.
  for (let a = 0; a < level1 && made < n; a++) {
    for (let b = 0; b < level2 && made < n; b++) {
      for (let c = 0; made < n - level1 * level2 - level1 && c < Math.ceil(n / (level1 * level2)); c++) {
        rows.push([`Chi bộ ${a + 1}.${b + 1}.${c + 1}`, `CB-${a}-${b}-${c}`, `X-${a}-${b}`, 'Chi bộ', '']);
        made++;
      }
    }
  }
  for (let a = 0; a < level1; a++) {
    for (let b = 0; b < level2; b++) rows.push([`Đảng ủy xã ${a + 1}.${b + 1}`, `X-${a}-${b}`, `K-${a}`, 'Xã/phường', `https://xa-${a}-${b}.example.vn`]);
    rows.push([`Đảng ủy khối ${a + 1}`, `K-${a}`, 'TU', 'Đảng ủy', '']);
  }
  rows.push(['Tỉnh ủy Thử Nghiệm', 'TU', '', 'Tỉnh ủy', 'https://tinhuy.example.vn']);
  lines.push(csvLine(['Tên đơn vị', 'Mã', 'Đơn vị cấp trên', 'Loại', 'Website'], sep));
  for (const r of rows) lines.push(csvLine(r, sep));
  return `${lines.join('\r\n')}\r\n`;
}
