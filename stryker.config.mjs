// @ts-check
// Mutation testing of src/ (`npm run mutation`): how much of the code a change would go unnoticed.
// The tests that cannot see src/ are left out in vitest.mutation.config.ts; equivalent mutants are
// marked where they live, with `// Stryker disable next-line <mutator>: <reason>`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: ['src/**/*.ts', '!src/index.ts', '!src/hold-early-cancellation.ts', '!src/version.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // Some tests start loopback servers and wait out short timeouts.
  timeoutMS: 20_000,
  thresholds: { high: 95, low: 90, break: 90 },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
