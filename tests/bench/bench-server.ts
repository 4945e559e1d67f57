import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAccount } from '../../server/src/auth/accounts';
import { Database } from '../../server/src/db/connection';
import { migrate } from '../../server/src/db/migrate';
import * as q from '../../server/src/db/queries';
import { startBuiltServer } from '../support/built-server';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The password of a benchmark account (bench-server creates them before the server starts). */
export const benchPassword = (username: string) => `${username}-password-1`;

export interface BenchServer {
  /** The server process (its /proc entry gives resident memory). */
  pid: number;
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
export async function startBenchServer(
  dataDir: string,
  opts: { user: string; env?: Record<string, string>; accounts?: { username: string; role: 'admin' | 'staff' | 'lead'; unitId: string | null }[] },
): Promise<BenchServer> {
  const password = benchPassword(opts.user);
  const db = await Database.open(path.join(dataDir, 'tdtt.duckdb'));
  try {
    await migrate(db);
    if (!(await q.getUserByUsername(db, opts.user))) {
      await createAccount(db, { username: opts.user, displayName: opts.user, password, role: 'staff', unitId: null });
    }
    for (const a of opts.accounts ?? []) {
      if (!(await q.getUserByUsername(db, a.username))) await createAccount(db, { ...a, displayName: a.username, password: benchPassword(a.username) });
    }
  } finally {
    await db.close();
  }
  // BENCH_SERVER_LOG=1 shows the server's log (its errors, when a call fails with 500).
  const server = await startBuiltServer(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO: 'false',
      SCHEDULER: 'false',
      COLLECT_ON_START: 'false',
      WEB_DIR: path.join(repoRoot, 'web/build'),
      ...opts.env,
    },
    { log: Boolean(process.env.BENCH_SERVER_LOG) },
  );
  const { url } = server;
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: opts.user, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status}`);
  const pid = server.child.pid!;
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
    pid,
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
      await server.stop('SIGTERM');
    },
  };
}
