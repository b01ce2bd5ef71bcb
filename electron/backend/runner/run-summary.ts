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

/**
 * The summary's counts with one more result added. A run counts as it goes: recounting every
 * result after each request made a long run quadratic (10,000 requests, 50 million visits).
 */
export function addResult(counts: Pick<RunSummary, 'requests' | 'assertions'>, result: RunRequestResult): Pick<RunSummary, 'requests' | 'assertions'> {
  const requests = { ...counts.requests, total: counts.requests.total + 1 };
  const assertions = { ...counts.assertions };
  if (result.passed) requests.passed += 1;
  else requests.failed += 1;
  for (const assertion of result.assertions) {
    if (assertion.skipped) continue;
    assertions.total += 1;
    if (assertion.passed) assertions.passed += 1;
    else assertions.failed += 1;
  }
  return { requests, assertions };
}
