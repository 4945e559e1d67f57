import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, DIST_DIR } from '../../server/build';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * How `npm run serve` starts the server — its environment settings and Node flags — read from the
 * script itself (package.json; README "Memory" explains them).
 */
function serveCommand(): { env: Record<string, string>; nodeFlags: string[] } {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const words = pkg.scripts.serve!.split(/\s+/);
  const node = words.indexOf('node');
  const env = Object.fromEntries(words.slice(0, node).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]));
  return { env, nodeFlags: words.slice(node + 1).filter((w) => w.startsWith('--')) };
}

/**
 * The server as users run it — the bundle `npm run build` makes, built here from the current sources
 * (~0.2 s), started the way `npm run serve` starts it — in its own process, with `env` on top.
 */
export async function spawnBuiltServer(env: Record<string, string>): Promise<ChildProcess> {
  await buildServer();
  const serve = serveCommand();
  return spawn(process.execPath, [...serve.nodeFlags, path.join(DIST_DIR, 'main.js')], {
    cwd: repoRoot,
    env: { ...process.env, ...serve.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
