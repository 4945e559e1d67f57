// `npm run build` for the server: one ES-module bundle of the server and its worker threads in
// server/dist, run by `npm run serve` with plain Node. Running the TypeScript through tsx costs the
// server ~55 MB of resident memory (the loader's own thread and transform caches) — a fifth of its
// budget (README "Memory"). npm packages stay external (native DuckDB, lazily loaded parsers);
// our workspaces (@tdtt/shared, @tdtt/jobs) are bundled.
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(serverDir, '..');
export const DIST_DIR = path.join(serverDir, 'dist');

/** Worker modules sit beside the bundle under their source names: workerModule() finds them there. */
const ENTRIES = {
  main: 'server/src/main.ts',
  'index-worker': 'server/src/search/index-worker.ts',
  'classify-worker': 'jobs/src/classify/classify-worker.ts',
  'extract-worker': 'jobs/src/collect/extract/extract-worker.ts',
  'parse-worker': 'server/src/plan-import/parse-worker.ts',
};

export async function buildServer(): Promise<void> {
  rmSync(DIST_DIR, { recursive: true, force: true });
  await build({
    absWorkingDir: repoRoot,
    entryPoints: ENTRIES,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: DIST_DIR,
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [
      {
        name: 'npm-packages-external',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (a) => (a.path.startsWith('@tdtt/') ? undefined : { path: a.path, external: true }));
        },
      },
    ],
  });
  // migrate() reads the SQL files beside its module.
  cpSync(path.join(serverDir, 'src/db/migrations'), path.join(DIST_DIR, 'migrations'), { recursive: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
