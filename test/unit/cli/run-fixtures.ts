import { RunSummarySchema, type RunRequestResult, type RunSummary } from '../../../shared/model/run';

/** A finished run as the runner reports it, with a pass, a failed assertion, a 4xx without tests and a request that got no answer. */
export function sampleSummary(overrides: Partial<RunSummary> = {}): RunSummary {
  const base = { iteration: 0, setVariables: [] as string[], assertions: [] as RunRequestResult['assertions'], size: 120, timeMs: 12.5, skipped: false };
  const results: RunRequestResult[] = [
    { ...base, index: 0, path: 'Auth/Get token', name: 'Get token', method: 'POST', url: 'http://127.0.0.1:1/accesstoken/get', status: 200, statusText: 'OK', passed: true, assertions: [{ name: 'status is 200', passed: true, skipped: false }], setVariables: ['access_token'] },
    {
      ...base,
      index: 1,
      path: 'Payments/Create <payment> & "go"',
      name: 'Create <payment> & "go"',
      method: 'POST',
      url: 'http://127.0.0.1:1/epayment/v1/payments',
      status: 201,
      statusText: 'Created',
      passed: false,
      assertions: [
        { name: 'status is 201', passed: true, skipped: false },
        { name: 'reference ]]> is echoed', passed: false, skipped: false, message: 'expected "a" to equal "b" \u0007 <x>' },
      ],
    },
    { ...base, index: 2, path: 'Payments/Read it', name: 'Read it', method: 'GET', url: 'http://127.0.0.1:1/epayment/v1/payments/x', status: 404, statusText: 'Not Found', passed: false },
    { ...base, index: 3, path: 'Orders/Send receipt', name: 'Send receipt', method: 'POST', url: 'http://127.0.0.1:1/order-management/v2/ecom/receipts/x', passed: false, error: { code: 'NETWORK', message: 'The connection was refused.' } },
  ];
  return RunSummarySchema.parse({
    runId: 'run-1',
    collectionId: 'c-1',
    path: '',
    name: 'Vipps & friends',
    profileId: 'sandbox',
    iterations: 1,
    startedAt: '2026-11-28T09:00:00.000Z',
    finishedAt: '2026-11-28T09:00:01.000Z',
    outcome: 'completed',
    requests: { total: 4, passed: 1, failed: 3 },
    assertions: { total: 3, passed: 2, failed: 1 },
    totalTimeMs: 1000,
    results,
    ...overrides,
  });
}
