// Shared by the plan API tests: a real server with an administrator, uploads, .docx from text.
import { Document, Packer, Paragraph, Tab, TextRun } from 'docx';
import { getJson, signIn, startTestServer, tempDir } from '@tdtt/tests/support';
import type { Server } from '@tdtt/server/main';

export const ADMIN = { user: 'quantri-test', password: 'mat-khau-quan-tri-1' };

export async function adminServer(): Promise<{ server: Server; admin: Record<string, string>; close(): Promise<void> }> {
  const tmp = tempDir('tdtt-plan-api-');
  const server = await startTestServer({ dataDir: tmp.dir, demo: false, env: { ADMIN_USER: ADMIN.user, ADMIN_PASSWORD: ADMIN.password } });
  const admin = await signIn(server.url, ADMIN.user, ADMIN.password);
  return {
    server,
    admin,
    close: async () => {
      await server.close();
      tmp.remove();
    },
  };
}

/** The plan text saved as a Word document: one paragraph per line, tabs as real tabs. */
export async function toDocx(text: string): Promise<Uint8Array> {
  const paragraphs = text.split('\n').map(
    (line) => new Paragraph({ children: line.split('\t').flatMap((part, i) => (i === 0 ? [new TextRun(part)] : [new TextRun({ children: [new Tab(), part] })])) }),
  );
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
}

export function upload(base: string, headers: Record<string, string>, bytes: Uint8Array, filename: string, preview = false) {
  const form = new FormData();
  form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), filename);
  return getJson(base, `/api/plans/import${preview ? '?preview=true' : ''}`, { method: 'POST', headers, body: form });
}

export function sendJson(base: string, headers: Record<string, string>, method: string, path: string, body: unknown) {
  return getJson(base, path, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export async function planCount(base: string, headers: Record<string, string>): Promise<number> {
  const r = await getJson<{ plans: unknown[] }>(base, '/api/plans', { headers });
  return r.body.plans.length;
}

/** A parent Hướng dẫn for plan 002 (which implements 124-HD/BTGTU of 08/10/2024). */
export const PARENT_OF_002 = `BAN TUYÊN GIÁO TỈNH ỦY BÌNH ĐỊNH
Số 124-HD/BTGTU
Quy Nhơn, ngày 08 tháng 10 năm 2024
HƯỚNG DẪN
tuyên truyền đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng
I. MỤC ĐÍCH, YÊU CẦU
- Tạo sự thống nhất về nhận thức và hành động trong toàn Đảng bộ.
II. NỘI DUNG TUYÊN TRUYỀN
1. Từ nay đến hết năm 2024
- Tuyên truyền kết quả thực hiện Nghị quyết Đại hội XIII của Đảng.
- Tuyên truyền công tác chuẩn bị đại hội đảng bộ các cấp.
III. TỔ CHỨC THỰC HIỆN
- Các cấp ủy tổ chức thực hiện Hướng dẫn này.
`;
