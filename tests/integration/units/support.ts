// An empty install (DEMO=false) with its administrator, and helpers to send a sheet.
import ExcelJS from 'exceljs';
import { getJson, signIn, startTestServer, tempDir } from '../../support';

export const ADMIN = { username: 'quantri', password: 'mat-khau-quan-tri-1' };

export async function emptyInstall() {
  const tmp = tempDir('tdtt-units-');
  const server = await startTestServer({ dataDir: tmp.dir, demo: false, env: { ADMIN_USER: ADMIN.username, ADMIN_PASSWORD: ADMIN.password, ALLOW_PRIVATE_HOSTS: 'loopback', COLLECT_HOST_DELAY_MS: '20' } });
  const admin = await signIn(server.url, ADMIN.username, ADMIN.password);
  return {
    server,
    base: server.url,
    admin,
    async close() {
      await server.close();
      tmp.remove();
    },
  };
}

export function upload(base: string, headers: Record<string, string>, bytes: Uint8Array | string, filename: string, query = '') {
  const form = new FormData();
  form.append('file', new Blob([(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes) as Uint8Array<ArrayBuffer>]), filename);
  return getJson(base, `/api/units/import${query}`, { method: 'POST', headers, body: form });
}

export async function xlsxOf(rows: string[][], opts: { title?: string } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  if (opts.title) {
    ws.addRow([opts.title]);
    ws.addRow([]);
  }
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const csvOf = (rows: string[][], sep: ',' | ';') =>
  rows.map((r) => r.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep)).join('\r\n') + '\r\n';
