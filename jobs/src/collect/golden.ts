import fs from 'node:fs';
import { expect } from 'vitest';

// Golden files for tests: `<input>.result.json` beside the input.
// UPDATE_GOLDEN=1 rewrites them; review the diff before committing.

export function expectGolden(resultPath: string, actual: unknown): void {
  const json = JSON.stringify(actual, null, 2) + '\n';
  if (process.env['UPDATE_GOLDEN'] === '1' || !fs.existsSync(resultPath)) {
    if (process.env['UPDATE_GOLDEN'] !== '1') throw new Error(`golden file missing: ${resultPath} (run with UPDATE_GOLDEN=1)`);
    fs.writeFileSync(resultPath, json);
    return;
  }
  expect(JSON.parse(json)).toEqual(JSON.parse(fs.readFileSync(resultPath, 'utf8')));
}
