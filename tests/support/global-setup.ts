import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/** One scratch folder per test run, shared by the test files (e.g. the seeded demo database). */
// TEST_RUN_DIR=folder keeps it (and its seeded demo database) between runs while iterating on one file.
export default function setup(project: TestProject) {
  const kept = process.env.TEST_RUN_DIR;
  if (kept) mkdirSync(kept, { recursive: true });
  const runDir = kept ?? mkdtempSync(path.join(tmpdir(), 'tdtt-run-'));
  project.provide('runDir', runDir);
  return () => (kept ? undefined : rmSync(runDir, { recursive: true, force: true }));
}

declare module 'vitest' {
  export interface ProvidedContext {
    runDir: string;
  }
}
