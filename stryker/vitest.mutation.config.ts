import { defineConfig } from 'vitest/config';

// The unit tests that pin the mutated modules directly, and only those: Stryker runs this set
// once (the dry run), then per mutant only the tests that covered it, except for mutants in
// module-level code (the zod schemas: their limits are the Vipps rules), which re-import every
// related test file. So the set leaves out the files that start the sandbox or the backend
// (test/unit/sandbox/vipps-rules, test/unit/vipps/mistakes, history-redaction, token-leak):
// they still run in `npm test`, and the tests here cover the same rules without them.
export default defineConfig({
  test: {
    include: [
      'test/unit/vipps/**/*.test.ts',
      'test/unit/mutation/**/*.test.ts',
      'test/unit/history/redactor.test.ts',
      'test/unit/history/redactor-many.test.ts',
      'test/unit/history/prefix-index.test.ts',
      'test/unit/cli/reporters.test.ts',
      'test/unit/interop/curl.test.ts',
      'test/unit/engine/secret-hosts*.test.ts',
    ],
    exclude: ['test/unit/vipps/mistakes.test.ts'],
    environment: 'node',
    // Instrumented code runs several times slower than the plain code.
    testTimeout: 30_000,
  },
});
