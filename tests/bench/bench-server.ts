import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAccount } from '../../server/src/auth/accounts';
import { Database } from '../../server/src/db/connection';
import { migrate } from '../../server/src/db/migrate';
import * as q from '../../server/src/db/queries';
import { spawnBuiltServer } from '../support/built-server';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BenchServer {
  url: string;
  /** Cookie header of the signed-in staff user. */
  cookie: string;
  /** The server process's peak resident memory so far (VmHWM), MB. */
  peakRssMB(): number;
  /** CPU seconds the server process has used (all its threads). */
  cpuSeconds(): number;
  close(): Promise<void>;
}

/**
 * The real server (`npm run serve`, as users start it) on a benchmark database, in its own process so
 * its memory is measured apart from the benchmark's own, with no demo and no scheduler, and a staff
 * user signed in. The database is migrated and the user created before it starts (one writer).
 */
export async function startBenchServer(dataDir: string, opts: { user: string; env?: Record<string, string> }): Promise<BenchServer> {
  const password = `${opts.user}-password-1`;
  const db = await Database.open(path.join(dataDir, 'tdtt.duckdb'));
  try {
    await migrate(db);
    if (!(await q.getUserByUsername(db, opts.user))) {
      await createAccount(db, { username: opts.user, displayName: opts.user, password, role: 'staff', unitId: null });
    }
  } finally {
    await db.close();
  }
  const child = await spawnBuiltServer({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO: 'false',
    SCHEDULER: 'false',
    COLLECT_ON_START: 'false',
    WEB_DIR: path.join(repoRoot, 'web/build'),
    ...opts.env,
  });
  // BENCH_SERVER_LOG=1 shows the server's log (its errors, when a call fails with 500).
  if (process.env.BENCH_SERVER_LOG) for (const s of [child.stdout!, child.stderr!]) s.on('data', (b: Buffer) => process.stderr.write(b));
  // A benchmark that fails midway must not leave the server holding the database file.
  const killChild = () => child.kill('SIGKILL');
  process.once('exit', killChild);
  const url = await listeningUrl(child);
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: opts.user, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status}`);
  const pid = child.pid!;
  let peak = 0;
  const peakRssMB = () => {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, Math.round(kb / 1024));
    } catch {
      // The process has exited: the last reading stands.
    }
    return peak;
  };
  return {
    url,
    cookie: login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '),
    peakRssMB,
    cpuSeconds() {
      // utime and stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second on Linux).
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    async close() {
      peakRssMB();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      process.off('exit', killChild);
    },
  };
}

/** Waits for the server's "running at URL" line; fails with its output if it exits first. */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out.slice(-2000)}`)));
  });
}
