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

export interface BuiltServer {
  child: ChildProcess;
  url: string;
  /** Sends the signal (SIGTERM: orderly shutdown; SIGKILL: a crash) and waits for the exit. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

/**
 * The server as users run it — the bundle `npm run build` makes, built here from the current sources
 * (~0.2 s), started the way `npm run serve` starts it — in its own process, with `env` on top; resolves
 * once it listens. `log` copies its output to stderr. Should the caller's process end first, the
 * server is killed with it, so it never stays behind holding the database file.
 */
export async function startBuiltServer(env: Record<string, string>, opts: { log?: boolean; timeoutMs?: number } = {}): Promise<BuiltServer> {
  await buildServer();
  const serve = serveCommand();
  const child = spawn(process.execPath, [...serve.nodeFlags, path.join(DIST_DIR, 'main.js')], {
    cwd: repoRoot,
    env: { ...process.env, ...serve.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    process.off('exit', killOnExit);
  };
  let out = '';
  for (const s of [child.stdout!, child.stderr!]) {
    s.on('data', (b: Buffer) => {
      out += b.toString();
      if (opts.log) process.stderr.write(b);
    });
  }
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out.slice(-2000)}`)), opts.timeoutMs ?? 60_000);
    child.stdout!.on('data', () => {
      const m = /đang chạy tại (http:\/\/[\d.:]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${out.slice(-2000)}`));
    });
  }).catch(async (err: unknown) => {
    await stop('SIGKILL');
    throw err;
  });
  return { child, url, stop };
}
