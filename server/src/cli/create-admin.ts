// npm run user:create-admin -- USERNAME   (password on stdin: typed, or piped)
// Creates an admin, or makes an existing user an enabled admin with this password.
// Run it while the server is stopped: DuckDB lets one process write the file.
import { createInterface } from 'node:readline';
import { ensureAdmin, passwordSchema, usernameSchema } from '../auth';
import { ConfigError, loadConfig } from '../config';
import { openCliDatabase } from './open-database';

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Mật khẩu (không hiện khi gõ): ');
  const rl = createInterface({ input: process.stdin, terminal: false });
  if (process.stdin.isTTY) process.stdin.setRawMode?.(false);
  for await (const line of rl) {
    rl.close();
    return line.replace(/\r$/, '');
  }
  return '';
}

async function main(): Promise<number> {
  const name = process.argv[2];
  const username = usernameSchema.safeParse(name ?? '');
  if (!username.success) {
    console.error(`Cách dùng: npm run user:create-admin -- TÊN_ĐĂNG_NHẬP  (mật khẩu đọc từ stdin)\n${username.error.issues[0]?.message ?? ''}`);
    return 2;
  }
  const password = passwordSchema.safeParse(await readPassword());
  if (!password.success) {
    console.error(password.error.issues[0]?.message ?? 'mật khẩu không hợp lệ');
    return 2;
  }
  const config = loadConfig();
  const db = await openCliDatabase(config, { readers: 1 });
  if (!db) return 1;
  try {
    const result = await ensureAdmin(db, { username: username.data, password: password.data });
    console.log(result?.action === 'created' ? `Đã tạo quản trị viên "${username.data}"` : `Đã cập nhật quản trị viên "${username.data}"`);
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  },
);
