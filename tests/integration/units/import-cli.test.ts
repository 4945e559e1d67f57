// npm run units:import -- FILE on a stopped install: dry run, save with one-time passwords, re-run unchanged.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../../support';

const tmp = tempDir('tdtt-units-cli-');
const cli = (...args: string[]) =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'server/src/cli/units-import.ts'), ...args, '--json'], {
    cwd: repoRoot, env: { ...process.env, DATA_DIR: tmp.dir, DEMO: 'false' }, encoding: 'utf8',
  }));
const FILE = path.join(repoRoot, 'shared/src/units/testdata/units-semicolon.csv');

describe('npm run units:import', () => {
  afterAll(() => tmp.remove());
  it('previews, saves with the accounts, and changes nothing the second time', () => {
    expect(cli(FILE, '--dry-run')).toMatchObject({ dryRun: true, saved: false, created: [{ id: 'tu' }, { id: 'syt' }, { id: 'cb-vp' }] });
    const saved = cli(FILE);
    expect(saved.saved).toBe(true);
    expect(saved.accounts.map((a: any) => [a.username, a.unitId])).toEqual([['ld.syt', 'syt']]);
    expect(saved.accounts[0].password).toMatch(/^[a-z2-9]{12}$/);
    expect(cli(FILE)).toMatchObject({ saved: true, created: [], updated: [], unchanged: 3, accounts: [] });
  }, 120_000);
});
