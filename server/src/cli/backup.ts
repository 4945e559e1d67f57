// npm run backup [-- DEST_DIR]
// A consistent copy of the database while the server runs: asks the server (POST /api/admin/backup,
// signed in as ADMIN_USER with ADMIN_PASSWORD, or the password on stdin), which writes it into
// DATA_DIR/backups; copied to DEST_DIR when given. With the server stopped, copies the file itself.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { writeBackup } from '../backup';
import { loadConfig } from '../config';
import { Database } from '../db/connection';

async function stdinLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Mật khẩu quản trị: ');
  for await (const line of createInterface({ input: process.stdin, terminal: false })) return line.replace(/\r$/, '');
  return '';
}

async function viaServer(base: string, username: string, password: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (login.status !== 200) throw new Error(`Đăng nhập ${username} không được (HTTP ${login.status})`);
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('tdtt_csrf='))?.slice('tdtt_csrf='.length) ?? '';
  const res = await fetch(`${base}/api/admin/backup`, { method: 'POST', headers: { cookie: cookies.join('; '), 'x-csrf-token': csrf } });
  const body = (await res.json()) as { file?: string; error?: { message: string } };
  if (res.status !== 201 || !body.file) throw new Error(`Máy chủ không sao lưu được: ${body.error?.message ?? res.status}`);
  return body.file;
}

async function main(): Promise<number> {
  const dest = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const config = loadConfig();
  const base = process.env.BACKUP_URL ?? `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  let file: string;
  const running = await fetch(`${base}/api/health`).then(() => true, () => false);
  if (running) {
    const username = process.env.ADMIN_USER;
    if (!username) {
      console.error('Máy chủ đang chạy: đặt ADMIN_USER (và ADMIN_PASSWORD, hoặc gõ mật khẩu) để sao lưu qua máy chủ.');
      return 2;
    }
    file = await viaServer(base, username, process.env.ADMIN_PASSWORD ?? (await stdinLine()));
  } else {
    const db = await Database.open(config.dbPath, { readers: 1 });
    try {
      file = (await writeBackup(db, path.join(config.dataDir, 'backups'), new Date())).file;
    } finally {
      await db.close();
    }
  }
  if (dest) {
    mkdirSync(dest, { recursive: true });
    copyFileSync(file, path.join(dest, path.basename(file)));
    file = path.join(dest, path.basename(file));
  }
  console.log(file);
  return 0;
}

main().then((code) => process.exit(code), (err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
