// npm run units:import -- FILE [--dry-run] [--skip-bad-rows] [--json]
// The office's unit sheet (.xlsx or .csv) into the registry, as POST /api/units/import does. Prints
// what changed, every bad row, and the lead accounts with their one-time passwords (to hand out;
// only their hashes are stored). Run it while the server is stopped: DuckDB lets one process write.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { openCliDatabase } from './open-database';
import { importUnits, readSheetFile, SheetFileError } from '../units';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('Cách dùng: npm run units:import -- TỆP.xlsx|TỆP.csv [--dry-run] [--skip-bad-rows] [--json]');
    return 2;
  }
  let grid: string[][];
  try {
    grid = await readSheetFile(new Uint8Array(readFileSync(file)), path.basename(file));
  } catch (e) {
    console.error(e instanceof SheetFileError ? e.message : `Không đọc được ${file}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const config = loadConfig();
  const db = await openCliDatabase(config, { readers: 1 });
  if (!db) return 1;
  try {
    const out = await importUnits(db, grid, {
      dryRun: args.includes('--dry-run'), skipBadRows: args.includes('--skip-bad-rows'),
      actor: { id: null, username: 'units:import' }, file: path.basename(file), now: new Date(),
    });
    if (args.includes('--json')) {
      console.log(JSON.stringify(out));
    } else {
      if (out.sheetError) console.error(out.sheetError);
      if (out.unknownColumns.length) console.log(`Cột không dùng: ${out.unknownColumns.join(', ')}`);
      for (const p of out.problems) console.log(`Dòng ${p.row}: ${p.message}`);
      console.log(`${out.saved ? 'Đã lưu' : out.dryRun ? 'Xem trước' : 'Chưa lưu (có dòng lỗi; thêm --skip-bad-rows để bỏ qua)'}: ${out.created.length} đơn vị mới, ${out.updated.length} cập nhật, ${out.unchanged} không đổi.`);
      if (out.saved && out.accounts.length) {
        console.log('\nTài khoản trưởng đơn vị (mật khẩu dùng một lần, đổi ở lần đăng nhập đầu):');
        for (const a of out.accounts) console.log(`${a.username}\t${a.password}\t${a.unitName}`);
      }
    }
    return out.sheetError ? 1 : out.saved || out.dryRun ? 0 : 3;
  } finally {
    await db.close();
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(1);
});
