// npm run bench:units-import [-- --json] [--rows N]
// The office's sheet of N units (default 50,000, four levels, children before parents) imported into
// an empty registry, then imported again (nothing changes): wall time of each and this process's peak RSS.
import { Database } from '../../server/src/db/connection';
import { tempDir } from '../support';
import { migrate } from '../../server/src/db/migrate';
import { importUnits, readSheetFile } from '../../server/src/units';
import { bigUnitSheet } from './units-sheet';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const rows = Number(argv[argv.indexOf('--rows') + 1] ?? 0) || 50_000;

const tmp = tempDir('tdtt-bench-units-');
const db = await Database.open(`${tmp.dir}/tdtt.duckdb`);
await migrate(db);
const bytes = new TextEncoder().encode(bigUnitSheet(rows));
const run = async () => {
  const t = performance.now();
  const grid = await readSheetFile(bytes, 'don-vi.csv');
  const out = await importUnits(db, grid, { dryRun: false, skipBadRows: false, actor: { id: null, username: 'bench' }, file: 'don-vi.csv', now: new Date() });
  return { ms: Math.round(performance.now() - t), created: out.created.length, unchanged: out.unchanged, problems: out.problems.length };
};
const first = await run();
const again = await run();
const result = { rows, fileMB: Math.round(bytes.length / 1e5) / 10, firstImportMs: first.ms, reimportMs: again.ms, created: first.created, unchangedOnReimport: again.unchanged, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) };
await db.close();
tmp.remove();
if (json) console.log(JSON.stringify(result));
else {
  console.log('| rows | file | first import | re-import (no change) | peak RSS |\n| --- | --- | --- | --- | --- |');
  console.log(`| ${rows} | ${result.fileMB} MB | ${first.ms} ms (${first.created} created) | ${again.ms} ms (${again.unchanged} unchanged) | ${result.peakRssMB} MB |`);
}
