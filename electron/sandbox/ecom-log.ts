import type { RequestContext } from './context';
import { digits } from './ids';
import type { EcomLogEntry, EcomRecord } from './state';

/** One line of an eCom payment's transactionLogHistory. */
export function logEntry(ctx: Pick<RequestContext, 'deps'>, record: EcomRecord, operation: EcomLogEntry['operation'], requestId: string | null, amount = record.amount, text = record.transactionText): EcomLogEntry {
  return {
    amount,
    operation,
    operationSuccess: true,
    requestId,
    timeStamp: new Date(ctx.deps.now()).toISOString(),
    transactionId: digits(10),
    transactionText: text,
  };
}

