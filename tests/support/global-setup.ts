import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/** One scratch folder per test run, shared by the test files (e.g. the seeded demo database). */
export default function setup(project: TestProject) {
  const runDir = mkdtempSync(path.join(tmpdir(), 'tdtt-run-'));
  project.provide('runDir', runDir);
  return () => rmSync(runDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    runDir: string;
  }
}
