import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The JSON report lets CI print one "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
    // `npm run coverage` (vitest run --coverage): line and branch coverage of src/ by the tests that
    // run it in-process. Tests that run dist/index.js in child processes add nothing here; mutation
    // testing (npm run mutation) measures how strong the assertions are. See docs/testing.md.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'text', 'html', 'json-summary', 'lcov'],
      reportsDirectory: 'reports/coverage',
      // A little below today's figures (docs/testing.md): a change that lowers coverage fails, the
      // machine's timing (branches only a loopback race reaches) does not.
      thresholds: { statements: 97.8, branches: 96.6, functions: 95.5, lines: 98.5 },
    },
  },
});
