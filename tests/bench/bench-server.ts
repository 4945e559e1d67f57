import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAccount } from '../../server/src/auth/accounts';
import { loadConfig } from '../../server/src/config';
import * as q from '../../server/src/db/queries';
import { startServer, type Server } from '../../server/src/main';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The real server on a benchmark database (no demo, no scheduler), with a staff user signed in.
 * `quiet` keeps the server's start-up lines off stdout (for `--json`).
 */
export async function startBenchServer(
  dataDir: string,
  opts: { user: string; quiet?: boolean; env?: Record<string, string> },
): Promise<{ server: Server; cookie: string }> {
  const config = loadConfig(
    { PORT: '0', DATA_DIR: dataDir, DEMO: 'false', SCHEDULER: 'false', COLLECT_ON_START: 'false', WEB_DIR: path.join(repoRoot, 'web/build'), ...opts.env },
    repoRoot,
  );
  const log = console.log;
  if (opts.quiet) console.log = () => undefined;
  const server = await startServer(config).finally(() => (console.log = log));
  const password = `${opts.user}-password-1`;
  if (!(await q.getUserByUsername(server.db, opts.user))) {
    await createAccount(server.db, { username: opts.user, displayName: opts.user, password, role: 'staff', unitId: null });
  }
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: opts.user, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status}`);
  return { server, cookie: login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
}
