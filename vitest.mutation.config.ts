// The suite Stryker runs against each mutant of src/. Left out, and only these: the tests that
// cannot see src/ because they run dist/index.js (or local-action) in child processes, or compare
// dist/ with a fresh build byte for byte (which fails under instrumented src/).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/ecosystem/dist.test.ts', 'test/ecosystem/local-action.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
