import { defineConfig } from 'vitest/config';

// Pure helpers of the web app (format, highlight, ranking, API client parts); pages are covered by tests/e2e.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
