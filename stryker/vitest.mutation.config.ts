import { defineConfig } from 'vitest/config';

// The unit tests that exercise the mutated modules, and only those: Stryker runs this set once
// (the dry run) and then, per mutant, only the tests that covered it. A narrow set keeps the
// mutation step within its few minutes in CI.
export default defineConfig({
  test: {
    include: [
      'test/unit/vipps/**/*.test.ts',
      'test/unit/mutation/**/*.test.ts',
      'test/unit/sandbox/vipps-rules.test.ts',
      'test/unit/history/redactor.test.ts',
      'test/unit/history/history-redaction.test.ts',
      'test/unit/cli/reporters.test.ts',
      'test/unit/runner/token-leak.test.ts',
      'test/unit/interop/curl.test.ts',
    ],
    environment: 'node',
    // Instrumented code runs several times slower; the 2 MiB image tests need the room.
    testTimeout: 30_000,
  },
});
