import type { RunEvent, RunRequestResult, RunSummary } from '../../../shared/model/run';
import { displayName, type RunReporter, type Scrub } from './reporter';
import { cdata, element } from './xml';
import { writeReportFile } from './report-file';

/**
 * JUnit XML with newman's elements and attributes (testsuites › testsuite › testcase › failure,
 * system-err for requests that got no answer), so CI parsers that read newman's file read ours:
 * one testsuite per request (all iterations together), one testcase per assertion name.
 *
 * One deliberate addition: a request without assertions gets one testcase, "answered with a
 * success status", so a 4xx/5xx that fails the run (exit 1) also fails a test in CI's view.
 */
export const IMPLICIT_TEST_NAME = 'answered with a success status';

function className(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('') || 'Request';
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

interface Testcase {
  name: string;
  failures: string[];
  timeMs: number;
}

function suiteFor(executions: RunRequestResult[], summary: RunSummary, scrub: Scrub): string {
  const first = executions[0]!;
  const suiteName = displayName(first);
  const tests = new Map<string, Testcase>();
  const errorLines: string[] = [];
  let errors = 0;
  for (const run of executions) {
    // A request a pre-request script skipped sent nothing: it has no tests to report.
    if (run.skipped) continue;
    if (run.error) {
      errors += 1;
      errorLines.push(`Iteration: ${run.iteration}\nRequestError: ${run.error.code}: ${run.error.message}\n---`);
    }
    const assertions = run.assertions.length > 0 || run.error ? run.assertions : [{ name: IMPLICIT_TEST_NAME, passed: run.passed, skipped: false, message: run.passed ? undefined : `${run.status ?? ''} ${run.statusText ?? ''}`.trim() }];
    for (const assertion of assertions) {
      if (assertion.skipped) continue;
      const test = tests.get(assertion.name) ?? { name: assertion.name, failures: [], timeMs: run.timeMs };
      test.timeMs = run.timeMs;
      if (!assertion.passed) test.failures.push(assertion.message || 'assertion failed');
      tests.set(assertion.name, test);
    }
  }
  const failures = [...tests.values()].reduce((sum, test) => sum + test.failures.length, 0);
  const meanMs = executions.reduce((sum, run) => sum + run.timeMs, 0) / executions.length;
  const children: string[] = [];
  if (errorLines.length > 0) children.push(`    <system-err>${cdata(scrub(errorLines.join('\n')))}</system-err>`);
  for (const test of tests.values()) {
    const failure =
      test.failures.length === 0
        ? []
        : [
            element('failure', { type: 'AssertionFailure', message: scrub(test.failures[0]!) }, [
              cdata(
                scrub(
                  [
                    `Failed ${test.failures.length} times.`,
                    `Collection name: ${summary.name}.`,
                    `Request name: ${suiteName}.`,
                    `Test description: ${test.name}.`,
                    `Error message: ${test.failures[0]}.`,
                  ].join('\n'),
                ),
              ),
            ], '      '),
          ];
    children.push(element('testcase', { name: scrub(test.name), time: seconds(test.timeMs), classname: className(suiteName) }, failure, '    '));
  }
  const testCount = [...tests.values()].length;
  return element(
    'testsuite',
    { name: scrub(suiteName), id: scrub(first.path || first.name), timestamp: summary.startedAt, tests: testCount, failures, errors, time: seconds(meanMs) },
    children,
    '  ',
  );
}

/** Assertions run by one request, or the one implicit test of a request that has none and got an answer. */
function testsIn(result: RunRequestResult): number {
  if (result.skipped) return 0;
  if (result.assertions.length > 0) return result.assertions.filter((assertion) => !assertion.skipped).length;
  return result.error ? 0 : 1;
}

export function junitXml(summary: RunSummary, scrub: Scrub = (text) => text): string {
  const byItem = new Map<string, RunRequestResult[]>();
  for (const result of summary.results) {
    const key = result.path || result.name;
    byItem.set(key, [...(byItem.get(key) ?? []), result]);
  }
  const suites = [...byItem.values()].map((executions) => suiteFor(executions, summary, scrub));
  const tests = summary.results.reduce((sum, result) => sum + testsIn(result), 0);
  const time = summary.results.reduce((sum, result) => sum + result.timeMs, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element('testsuites', { name: scrub(summary.name), tests, time: seconds(time) }, suites)}\n`;
}

export function createJunitReporter(file: string, scrub: Scrub): RunReporter {
  return {
    name: 'junit',
    onEvent(_event: RunEvent) {},
    async finish(summary) {
      await writeReportFile(file, junitXml(summary, scrub), 'JUnit');
    },
  };
}
