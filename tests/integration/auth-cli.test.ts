import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/src/auth';
import { Database } from '../../server/src/db/connection';
import * as q from '../../server/src/db/queries';

// `npm run user:create-admin -- USERNAME` with the password on stdin, on a fresh data directory.

const repoRoot = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'tdtt-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function createAdmin(args: string[], input: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/create-admin.ts', ...args], {
    cwd: repoRoot,
    input,
    env: { ...process.env, DATA_DIR: dir },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('user:create-admin', () => {
  it('creates an admin, then resets its password; refuses a short password', async () => {
    const first = createAdmin(['QuanTri.Hai'], 'mat-khau-dau-tien\n');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Đã tạo quản trị viên "quantri.hai"/);
    const second = createAdmin(['quantri.hai'], 'mat-khau-thu-hai\n');
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/Đã cập nhật/);
    const short = createAdmin(['quantri.hai'], 'ngan\n');
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/ít nhất 12 ký tự/);

    const db = await Database.open(path.join(dir, 'tdtt.duckdb'));
    try {
      const user = await q.getUserByUsername(db, 'quantri.hai');
      expect(user).toMatchObject({ role: 'admin', disabled: false });
      expect(await verifyPassword(user!.password_hash, 'mat-khau-thu-hai')).toBe(true);
      expect(await verifyPassword(user!.password_hash, 'mat-khau-dau-tien')).toBe(false);
      expect(user!.password_hash).toMatch(/^\$argon2id\$/);
    } finally {
      await db.close();
    }
  });
});
