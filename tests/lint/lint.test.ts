// The lint (eslint.config.js: typescript-eslint, eslint-plugin-svelte) and the compiler's unused-name
// checks (noUnusedLocals, noUnusedParameters in tsconfig.json) run in `npm test`: any finding fails it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support';

const run = promisify(execFile);
const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');

/** "file:line rule message" per finding. */
function findings(results: ESLint.LintResult[]): string[] {
  return results.flatMap((r) => r.messages.map((m) => `${path.relative(repoRoot, r.filePath)}:${m.line} ${m.ruleId ?? ''} ${m.message}`));
}

/** tsc's errors for a project (empty when it compiles). */
async function compileErrors(project: string): Promise<string[]> {
  try {
    await run(process.execPath, [tsc, '-p', project, '--noEmit'], { cwd: repoRoot, maxBuffer: 32 << 20 });
    return [];
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? err).split('\n').filter((l) => l.includes('error TS'));
  }
}

describe('lint and unused names', () => {
  const eslint = new ESLint({ cwd: repoRoot });

  it('finds nothing in the repository', async () => {
    expect(findings(await eslint.lintFiles(['.']))).toEqual([]);
  }, 300_000);

  it('fails on a violation: an unused name in TypeScript and in a Svelte component', async () => {
    const ts = await eslint.lintText('const unused = 1;\nexport const used = 2;\n', { filePath: path.join(repoRoot, 'server/src/lint-probe.ts') });
    expect(findings(ts).join('\n')).toMatch(/no-unused-vars/);
    const svelte = await eslint.lintText('<script lang="ts">\n  let x: any = 1;\n  const unused = 2;\n</script>\n<p>{x}</p>\n', {
      filePath: path.join(repoRoot, 'web/src/lib/LintProbe.svelte'),
    });
    expect(findings(svelte).join('\n')).toMatch(/no-unused-vars[\s\S]*|no-explicit-any/);
    expect(findings(svelte).some((f) => f.includes('no-explicit-any'))).toBe(true);
  });

  it('compiles every workspace with noUnusedLocals and noUnusedParameters', async () => {
    const errors = await Promise.all(['shared', 'jobs', 'server', 'tests'].map((w) => compileErrors(path.join(w, 'tsconfig.json'))));
    expect(errors.flat()).toEqual([]);
  }, 300_000);

  it('fails to compile an unused local or parameter', async () => {
    const dir = mkdtempSync(path.join(repoRoot, 'tests/lint/.probe-'));
    try {
      writeFileSync(path.join(dir, 'probe.ts'), 'export function f(unusedParameter: number): number {\n  const unusedLocal = 1;\n  return 2;\n}\n');
      writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../../tsconfig.json', include: ['probe.ts'] }));
      const errors = (await compileErrors(path.join(dir, 'tsconfig.json'))).join('\n');
      expect(errors).toMatch(/TS6133: 'unusedParameter'/);
      expect(errors).toMatch(/TS6133: 'unusedLocal'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
