import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '@tdtt/server/main';
import { startTestServer, tempDir } from './../support';
import { signedIn } from './export/auth';
import { seedWorld } from './export/seed';
import { parseCsv } from './export/sheets';

// A real spreadsheet program opens our XLSX: LibreOffice converts its first sheet to CSV (cells as
// shown), which must equal our own CSV of the same export.

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
if (!SOFFICE) console.warn('export-libreoffice: skipped, LibreOffice (soffice) is not installed; `apt-get install libreoffice-calc`');

const run = promisify(execFile);
let tmp: ReturnType<typeof tempDir>;
let server: Server;
let headers: Record<string, string>;

describe.skipIf(!SOFFICE)('XLSX opened by LibreOffice', () => {
  beforeAll(async () => {
    tmp = tempDir('tdtt-export-lo-');
    server = await startTestServer({ dataDir: path.join(tmp.dir, 'data'), demo: false });
    await seedWorld(server.db);
    headers = await signedIn(server.db, server.url, 'canbo', 'staff');
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    tmp?.remove();
  });

  async function get(qs: string): Promise<Buffer> {
    const res = await fetch(`${server.url}/api/export/coverage?${qs}`, { headers });
    expect(res.status, qs).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }

  it('converts to the same cells as our CSV (month, quarter, subtree)', async () => {
    const cases = { month: 'month=2025-03', quarter: 'quarter=2025-Q2', subtree: 'year=2025&unit=so-tt' };
    for (const [name, qs] of Object.entries(cases)) writeFileSync(path.join(tmp.dir, `${name}.xlsx`), await get(`${qs}&format=xlsx`));
    // 44 = comma, 34 = double quote, 76 = UTF-8; cells "as shown" (formatted).
    await run(
      SOFFICE!,
      [
        `-env:UserInstallation=file://${path.join(tmp.dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true',
        '--outdir',
        path.join(tmp.dir, 'out'),
        ...Object.keys(cases).map((n) => path.join(tmp.dir, `${n}.xlsx`)),
      ],
      { timeout: 90_000 },
    );
    for (const [name, qs] of Object.entries(cases)) {
      const theirs = parseCsv(readFileSync(path.join(tmp.dir, 'out', `${name}.csv`), 'utf8'));
      const ours = parseCsv((await get(`${qs}&format=csv`)).toString('utf8'));
      expect(ours.length, name).toBeGreaterThan(8);
      expect(theirs, name).toEqual(ours);
    }
  }, 120_000);
});
