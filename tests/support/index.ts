import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@tdtt/server/config';
import { startServer, type Server } from '@tdtt/server/main';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The steering repo's shared folder (real plans, gold themes): beside the clone in CI. */
export const sharedDir = path.resolve(repoRoot, '../shared');

export function tempDir(prefix = 'tdtt-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The real server on a temporary DuckDB file and a free port. No scheduler ticks during tests;
 * tests drive the jobs themselves unless `collectOnStart` is set.
 */
export async function startTestServer(opts: { dataDir: string; demo?: boolean; collectOnStart?: boolean; env?: Record<string, string> }): Promise<Server> {
  const config = loadConfig(
    {
      PORT: '0',
      DATA_DIR: opts.dataDir,
      DEMO: opts.demo === false ? 'false' : 'true',
      SCHEDULER: 'false',
      COLLECT_ON_START: opts.collectOnStart ? 'true' : 'false',
      HORIZON_DAYS: '600',
      WEB_DIR: path.join(repoRoot, 'web/build'),
      ...opts.env,
    },
    repoRoot,
  );
  return startServer(config);
}

export async function getJson<T = any>(base: string, pathname: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const res = await fetch(base + pathname, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the assertion message
  }
  return { status: res.status, body: body as T };
}

/**
 * A DuckDB file with the demo world collected, classified and rolled up, built once per test run
 * by whichever test file asks first (the others wait), then copied for each caller.
 */
export async function seededDemoServer(runDir: string, opts: { env?: Record<string, string> } = {}): Promise<{ server: Server; remove(): void }> {
  const seedDir = path.join(runDir, 'seed');
  const done = path.join(seedDir, 'done');
  if (!existsSync(done)) {
    let builder = false;
    try {
      mkdirSync(`${seedDir}.lock`);
      builder = true;
    } catch {
      // another test file is building it
    }
    if (builder) {
      mkdirSync(seedDir, { recursive: true });
      const s = await startTestServer({ dataDir: seedDir });
      await s.jobs.runPipeline();
      await s.close();
      writeFileSync(done, new Date().toISOString());
    } else {
      const deadline = Date.now() + 300_000;
      while (!existsSync(done)) {
        if (Date.now() > deadline) throw new Error('seeded demo database not ready after 5 minutes');
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }
  const tmp = tempDir('tdtt-seeded-');
  copyFileSync(path.join(seedDir, 'tdtt.duckdb'), path.join(tmp.dir, 'tdtt.duckdb'));
  const server = await startTestServer({ dataDir: tmp.dir, env: opts.env });
  return { server, remove: tmp.remove };
}

/** Signs in through the real API; returns the headers (cookie and CSRF token) for later calls. */
export async function signIn(base: string, username: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: HTTP ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('tdtt_csrf='))?.slice('tdtt_csrf='.length) ?? '';
  return { cookie: cookies.join('; '), 'x-csrf-token': csrf };
}

/** Signs in as one of the demo world's printed logins. */
export function signInDemo(server: Server, role: 'admin' | 'staff' | 'lead', index = 0): Promise<Record<string, string>> {
  const login = server.demo?.logins.filter((l) => l.role === role)[index];
  if (!login) throw new Error(`no demo login with role ${role}`);
  return signIn(server.url, login.username, login.password);
}
