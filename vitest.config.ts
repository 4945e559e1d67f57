import { defineConfig } from 'vitest/config';

// One run for the whole repository: unit tests sit beside their code,
// cross-package tests (integration, e2e) live under tests/.
export default defineConfig({
  test: {
    include: ['shared/src/**/*.test.ts', 'jobs/src/**/*.test.ts', 'server/src/**/*.test.ts', 'web/src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // As `npm run serve` runs the server: dead DuckDB result chunks are collected (server/src/db/native-memory.ts).
    execArgv: ['--expose-gc'],
    globalSetup: ['tests/support/global-setup.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
