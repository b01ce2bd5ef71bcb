// Mutation testing (npm run test:mutation): Stryker changes the code of the modules below one
// small edit at a time and checks that some unit test fails. scripts/mutation-gate.mjs then
// fails the step when any one module's score is under its threshold.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'stryker/vitest.mutation.config.ts' },
  // The Vipps rules, the secret handling and the curl defect finder: the code whose mistakes
  // would reach a merchant's payment or leak a key, allowed hosts per secret included.
  mutate: [
    'shared/vipps/**/*.ts',
    '!shared/vipps/index.ts',
    'electron/backend/engine/engine-redaction.ts',
    'electron/backend/engine/secret-hosts.ts',
    'electron/backend/runner/run-secrets.ts',
    'shared/http/credential-headers.ts',
    'electron/backend/history/redactor.ts',
    'electron/backend/history/prefix-index.ts',
    'electron/cli/reporters/reporter.ts',
    'shared/interop/curl/defects.ts',
  ],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'stryker/incremental.json',
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  tempDirName: '.stryker-tmp',
  thresholds: { high: 90, low: 85, break: null },
};
