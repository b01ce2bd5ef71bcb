import { EcomForceApproveSchema, validateInitiatePayment } from '../../shared/vipps/ecom';
import { validateWith } from '../../shared/vipps/issues';
import type { Handler, Reply, RequestContext } from './context';
import { header, requireUnit } from './context';
import { problemReply, validationProblem } from './errors';
import { shortId } from './ids';
import { parseJsonBody } from './request-body';
import { quote } from './text';
import { actOnNewEcomPayment, approveEcom } from './customer';
import { logEntry } from './ecom-log';
import { key, type EcomRecord } from './state';

// eCom error codes are published facts: 34 = orderId already used, 35 = order not found.
const ORDER_ID_USED = '34';
const ORDER_NOT_FOUND = '35';
const ALREADY_PROCESSED = '92';

export const initiatePayment: Handler = (ctx) => {
  const unit = requireUnit(ctx);
  const body = parseJsonBody(ctx);
  if (!body.ok) return body.reply;
  const result = validateInitiatePayment(body.value);
  if (!result.ok) return problemReply('ecom', ctx.path, validationProblem(result.issues));
  const command = result.value;
  if (command.merchantInfo.merchantSerialNumber !== unit.msn) {
    return problemReply('ecom', ctx.path, {
      status: 403,
      title: 'Wrong merchant serial number.',
      detail: `merchantInfo.merchantSerialNumber is ${command.merchantInfo.merchantSerialNumber}, but your keys belong to MSN ${unit.msn}. The body, the header and the keys must name the same sales unit.`,
      ecom: { group: 'Merchant', code: 'merchantSerialNumber' },
    });
  }
  const store = ctx.deps.store;
  const k = key(unit.msn, command.transaction.orderId);
  if (store.ecomPayments.has(k)) {
    return problemReply('ecom', ctx.path, {
      status: 400,
      title: 'The orderId is already in use.',
      detail: `orderId "${command.transaction.orderId}" was already used for a payment under MSN ${unit.msn}. Every payment needs a new orderId.`,
      ecom: { group: 'Merchant', code: ORDER_ID_USED },
    });
  }
  const record: EcomRecord = {
    msn: unit.msn,
    orderId: command.transaction.orderId,
    amount: command.transaction.amount,
    transactionText: command.transaction.transactionText,
    status: 'INITIATE',
    mobileNumber: command.customerInfo.mobileNumber ?? null,
    scope: command.transaction.scope ?? null,
    sub: null,
    captured: 0,
    refunded: 0,
    url: `${ctx.deps.baseUrl()}/__sandbox/landing?kind=ecom&token=${shortId('', 24)}`,
    createdAt: new Date(ctx.deps.now()).toISOString(),
    log: [],
  };
  record.log.push(logEntry(ctx, record, 'INITIATE', null));
  store.put('ecomPayments', k, record);
  actOnNewEcomPayment(ctx, record);
  return { status: 200, body: { orderId: record.orderId, url: record.url }, contentType: 'application/json;charset=UTF-8' };
};

export function findOrder(ctx: RequestContext): EcomRecord | Reply {
  const unit = requireUnit(ctx);
  const orderId = ctx.params.orderId ?? '';
  const record = ctx.deps.store.ecomPayments.get(key(unit.msn, orderId));
  if (record) return record;
  return problemReply('ecom', ctx.path, {
    status: 404,
    title: 'Order not found.',
    detail: `No eCom payment with orderId ${quote(orderId)} exists for MSN ${unit.msn}. Order ids are case-sensitive.`,
    ecom: { group: 'Merchant', code: ORDER_NOT_FOUND },
  });
}

export function transactionSummary(record: EcomRecord) {
  return {
    capturedAmount: record.captured,
    refundedAmount: record.refunded,
    remainingAmountToCapture: record.status === 'RESERVE' ? record.amount - record.captured : 0,
    remainingAmountToRefund: record.captured - record.refunded,
  };
}

export const getPaymentDetails: Handler = (ctx) => {
  const record = findOrder(ctx);
  if (!('orderId' in record)) return record;
  return {
    status: 200,
    contentType: 'application/json;charset=UTF-8',
    body: {
      orderId: record.orderId,
      transactionSummary: transactionSummary(record),
      // The spec leaves requestId out when none was sent, rather than null.
      transactionLogHistory: [...record.log].reverse().map(({ requestId, ...entry }) => (requestId === null ? entry : { ...entry, requestId })),
      ...(record.sub ? { sub: record.sub } : {}),
    },
  };
};

/** Test-only: acts as the user approving in the app, INITIATE → RESERVE. */
export const forceApprove: Handler = (ctx) => {
  const requestId = header(ctx, 'x-request-id') ?? null;
  if (requestId !== null && requestId.length > 40) {
    return problemReply('ecom', ctx.path, validationProblem([{ name: 'X-Request-Id', reason: 'May be at most 40 characters long.' }]));
  }
  const record = findOrder(ctx);
  if (!('orderId' in record)) return record;
  const body = parseJsonBody(ctx, { optional: true });
  if (!body.ok) return body.reply;
  const checked = validateWith(EcomForceApproveSchema, body.value);
  if (!checked.ok) return problemReply('ecom', ctx.path, validationProblem(checked.issues));
  if (record.status === 'RESERVE' && record.customer?.act === 'approve' && record.captured === 0) {
    // Flows written for the test environment approve here; the simulated customer got there first.
    ctx.notes.push('Already approved by the simulated customer; answered as if this call approved it.');
    return { status: 200, raw: '' };
  }
  if (record.status !== 'INITIATE') {
    return problemReply('ecom', ctx.path, {
      status: 400,
      title: 'Already approved.',
      detail: `Payment ${quote(record.orderId)} is ${record.status}; only an initiated payment can be approved.`,
      ecom: { group: 'VippsError', code: ALREADY_PROCESSED },
    });
  }
  approveEcom(ctx, record, requestId);
  return { status: 200, raw: '' };
};
