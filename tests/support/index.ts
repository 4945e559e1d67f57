import { mkdtempSync, rmSync } from 'node:fs';
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
