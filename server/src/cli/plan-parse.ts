// npm run plan:parse -- FILE : prints the parsed plan as JSON; no database, no server.
import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_MAX_BYTES, importPlanDocument } from '../plan-import/index';

async function main(): Promise<number> {
  const file = process.argv.slice(2).find((a) => a !== '--');
  if (!file) {
    process.stderr.write('Cách dùng: npm run plan:parse -- TỆP (.txt, .docx, .pdf, .doc, .odt)\n');
    return 2;
  }
  let bytes: Uint8Array;
  try {
    const st = await stat(file);
    if (st.size > DEFAULT_MAX_BYTES) {
      process.stderr.write(`Tệp quá lớn (${(st.size / 1024 / 1024).toFixed(1)} MB): giới hạn là ${DEFAULT_MAX_BYTES / 1024 / 1024} MB.\n`);
      return 1;
    }
    bytes = await readFile(file);
  } catch {
    process.stderr.write(`Không đọc được tệp: ${file}\n`);
    return 2;
  }
  const r = await importPlanDocument(bytes, file);
  if (!r.ok) {
    process.stderr.write(`${r.message}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(r.plan, null, 2)}\n`);
  return 0;
}

process.exitCode = await main();
