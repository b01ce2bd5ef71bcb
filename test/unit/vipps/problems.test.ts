import { describe, expect, it } from 'vitest';
import { readVippsProblem } from '../../../shared/vipps/problems';
import { explainResponse } from '../../../shared/quickstart/explain';
import { readVippsProblem as rendererReader } from '../../../renderer/src/components/response/vipps-problems';

const ecomBody = [{ errorGroup: 'InvalidRequest', errorCode: 'transaction.amount', errorMessage: 'Amount must be at least 100 øre', contextId: 'c-1' }];

describe('the one reader of Vipps problem bodies', () => {
  it('reads eCom’s array by errorCode (the field or code), falling back to errorGroup', () => {
    expect(readVippsProblem(ecomBody)).toEqual({ title: 'InvalidRequest', detail: 'Amount must be at least 100 øre', fieldIssues: [{ name: 'transaction.amount', reason: 'Amount must be at least 100 øre' }] });
    expect(readVippsProblem([{ errorGroup: 'Payment', errorMessage: 'Refused' }])?.fieldIssues).toEqual([{ name: 'Payment', reason: 'Refused' }]);
    expect(readVippsProblem([{ errorGroup: 'Merchant', errorCode: 35, errorMessage: 'Unknown order' }])?.fieldIssues[0]?.name).toBe('35');
  });

  it('reads Order Management, ePayment, Recurring and gateway formats', () => {
    expect(readVippsProblem({ title: 'Bad', detail: 'No', invalidParams: [{ name: 'orderLines[0].name', reason: 'Required' }] })?.fieldIssues).toEqual([{ name: 'orderLines[0].name', reason: 'Required' }]);
    expect(readVippsProblem({ title: 'Bad', extraDetails: [{ field: 'pricing.amount', text: 'Too low' }] })?.fieldIssues).toEqual([{ name: 'pricing.amount', reason: 'Too low' }]);
    expect(readVippsProblem({ responseInfo: { responseCode: 401, responseMessage: 'Unauthorized' }, result: { message: 'x' } })?.detail).toBe('Unauthorized');
    expect(readVippsProblem({ statusCode: 401, message: 'Access denied due to missing subscription key.' })?.detail).toBe('Access denied due to missing subscription key.');
    expect(readVippsProblem('plain text')).toBeNull();
  });

  it('is the same reader in the response viewer and in the quick start’s explanations', () => {
    expect(rendererReader).toBe(readVippsProblem);
    const explained = explainResponse('payment.ecom', { status: 400, bodyText: JSON.stringify(ecomBody) });
    expect(explained.fieldIssues).toEqual([{ name: 'transaction.amount', reason: 'Amount must be at least 100 øre' }]);
  });
});
