import type { RunRequestResult, RunSummary } from '../../../shared/model/run';

export function emptySummary(fields: Pick<RunSummary, 'runId' | 'collectionId' | 'path' | 'name' | 'profileId' | 'iterations' | 'startedAt'>): RunSummary {
  return {
    ...fields,
    outcome: 'running',
    requests: { total: 0, passed: 0, failed: 0 },
    assertions: { total: 0, passed: 0, failed: 0 },
    totalTimeMs: 0,
    results: [],
  };
}

export function countResults(results: readonly RunRequestResult[]): Pick<RunSummary, 'requests' | 'assertions'> {
  const requests = { total: results.length, passed: 0, failed: 0 };
  const assertions = { total: 0, passed: 0, failed: 0 };
  for (const result of results) {
    if (result.passed) requests.passed += 1;
    else requests.failed += 1;
    for (const assertion of result.assertions) {
      if (assertion.skipped) continue;
      assertions.total += 1;
      if (assertion.passed) assertions.passed += 1;
      else assertions.failed += 1;
    }
  }
  return { requests, assertions };
}
