import type { SavedSendResult } from '../../../../shared/contract/runner';

export type TestOutcome = Pick<SavedSendResult, 'assertions' | 'console' | 'skipped'>;

export function testsLabel(tests: TestOutcome): string {
  const passed = tests.assertions.filter((a) => a.passed).length;
  return tests.assertions.length === 0 ? 'Tests' : `Tests (${passed}/${tests.assertions.length})`;
}

/** What the request's and its folders' test scripts found, and what the scripts logged (already redacted). */
export function TestResults({ tests }: { tests: TestOutcome }) {
  return (
    <div className="test-results">
      {tests.skipped && <p className="section-hint">A pre-request script skipped this request: nothing was sent.</p>}
      {tests.assertions.length === 0 ? (
        <p className="section-hint">No test ran. Tests are written in the Scripts pane (pm.test), here or in the folder or collection.</p>
      ) : (
        <ul className="run-assertions" aria-label="Test results">
          {tests.assertions.map((a, i) => (
            <li key={i} className={a.passed ? 'run-ok' : 'run-bad'}>
              <span>{a.skipped ? 'Skipped' : a.passed ? 'Passed' : 'Failed'}</span>: {a.name}
              {a.message && <span className="section-hint"> ({a.message})</span>}
            </li>
          ))}
        </ul>
      )}
      {tests.console.length > 0 && (
        <>
          <h3 className="test-console-title">Console</h3>
          <pre className="test-console">{tests.console.map((line) => `${line.level}: ${line.message}`).join('\n')}</pre>
        </>
      )}
    </div>
  );
}
