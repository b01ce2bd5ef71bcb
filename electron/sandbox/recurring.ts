import { validateWith } from '../../shared/vipps/issues';
import { ForceAcceptSchema, validateCreateCharge, validateDraftAgreement } from '../../shared/vipps/recurring';
import type { Handler, Reply, RequestContext } from './context';
import { requireUnit } from './context';
import { problemReply, validationProblem } from './errors';
import { digits, shortId, uuid } from './ids';
import { readIdempotencyKey, withIdempotency } from './idempotency';
import { parseJsonBody, requestFingerprint } from './request-body';
import { key, type AgreementRecord, type ChargeRecord } from './state';

const nowIso = (ctx: RequestContext) => new Date(ctx.deps.now()).toISOString();

function notFound(ctx: RequestContext, what: string, id: string): Reply {
  return problemReply('recurring', ctx.path, {
    status: 404,
    title: `${what} not found.`,
    detail: `No ${what.toLowerCase()} with id "${id}" exists for this sales unit.`,
    recurringType: what === 'Agreement' ? 'invalid-agreement-id' : 'charge-not-found',
  });
}

function intervalText(unit: string, count: number): string {
  const word = unit.toLowerCase();
  return count === 1 ? `every ${word}` : `every ${count} ${word}s`;
}

/** Runs a write the Recurring way: Idempotency-Key required, JSON body, replay on retry. */
function idempotentWrite(ctx: RequestContext, run: (body: unknown) => Reply, options: { optionalBody?: boolean } = {}): Reply {
  const idem = readIdempotencyKey(ctx);
  if ('reply' in idem) return idem.reply;
  const body = parseJsonBody(ctx, { optional: options.optionalBody });
  if (!body.ok) return body.reply;
  return withIdempotency(ctx, idem.key, requestFingerprint(ctx, body.value), () => run(body.value));
}

function newCharge(ctx: RequestContext, agreement: AgreementRecord, fields: Omit<ChargeRecord, 'msn' | 'agreementId' | 'status' | 'transactionId' | 'history' | 'currency'>): ChargeRecord {
  return {
    ...fields,
    msn: agreement.msn,
    agreementId: agreement.id,
    currency: 'NOK',
    status: 'PENDING',
    transactionId: null,
    history: [{ occurred: nowIso(ctx), event: 'CREATE', amount: fields.amount, idempotencyKey: null, success: true }],
  };
}

export const createAgreement: Handler = (ctx) =>
  idempotentWrite(ctx, (input) => {
    const unit = requireUnit(ctx);
    const result = validateDraftAgreement(input);
    if (!result.ok) return problemReply('recurring', ctx.path, validationProblem(result.issues));
    const draft = result.value;
    const store = ctx.deps.store;
    const initialChargeId = draft.initialCharge ? draft.initialCharge.orderId ?? shortId('chr-', 10) : null;
    if (initialChargeId && store.charges.has(key(unit.msn, initialChargeId))) {
      return problemReply('recurring', ctx.path, { status: 409, title: 'The charge id is already in use.', detail: `A charge with id "${initialChargeId}" already exists; choose another initialCharge.orderId.`, recurringType: 'charge-creation-failed' });
    }
    const agreement: AgreementRecord = {
      msn: unit.msn,
      id: shortId('agr_', 7),
      uuid: uuid(),
      status: 'PENDING',
      pricing: { type: draft.pricing.type ?? 'LEGACY', currency: draft.pricing.currency, amount: draft.pricing.amount, suggestedMaxAmount: draft.pricing.suggestedMaxAmount },
      interval: draft.interval,
      productName: draft.productName,
      productDescription: draft.productDescription ?? null,
      merchantAgreementUrl: draft.merchantAgreementUrl,
      merchantRedirectUrl: draft.merchantRedirectUrl,
      externalId: draft.externalId ?? null,
      phoneNumber: draft.phoneNumber ?? null,
      scope: draft.scope ?? null,
      sub: null,
      created: nowIso(ctx),
      start: null,
      stop: null,
      vippsConfirmationUrl: `${ctx.deps.baseUrl()}/__sandbox/landing?kind=agreement&token=${shortId('', 24)}`,
      initialChargeId,
    };
    store.agreements.set(key(unit.msn, agreement.id), agreement);
    if (draft.initialCharge && initialChargeId) {
      const c = draft.initialCharge;
      const charge = newCharge(ctx, agreement, { id: initialChargeId, amount: c.amount, description: c.description, due: nowIso(ctx), retryDays: 0, type: 'INITIAL', transactionType: c.transactionType, externalId: c.externalId ?? null });
      store.charges.set(key(unit.msn, charge.id), charge);
    }
    store.changed();
    return { status: 201, contentType: 'application/json;charset=UTF-8', body: { agreementId: agreement.id, uuid: agreement.uuid, vippsConfirmationUrl: agreement.vippsConfirmationUrl, chargeId: initialChargeId } };
  });

function findAgreement(ctx: RequestContext): AgreementRecord | Reply {
  const unit = requireUnit(ctx);
  const id = ctx.params.agreementId ?? '';
  return ctx.deps.store.agreements.get(key(unit.msn, id)) ?? notFound(ctx, 'Agreement', id);
}

function agreementBody(a: AgreementRecord): unknown {
  const pricing = a.pricing.type === 'VARIABLE'
    ? { type: 'VARIABLE', currency: a.pricing.currency, suggestedMaxAmount: a.pricing.suggestedMaxAmount, maxAmount: a.pricing.suggestedMaxAmount }
    : { type: 'LEGACY', currency: a.pricing.currency, amount: a.pricing.amount };
  return {
    id: a.id,
    uuid: a.uuid,
    status: a.status,
    pricing,
    interval: { ...a.interval, text: intervalText(a.interval.unit, a.interval.count) },
    productName: a.productName,
    productDescription: a.productDescription,
    created: a.created,
    start: a.start,
    stop: a.stop,
    campaign: null,
    merchantAgreementUrl: a.merchantAgreementUrl,
    merchantRedirectUrl: a.merchantRedirectUrl,
    sub: a.sub,
    userinfoUrl: null,
    externalId: a.externalId,
    countryCode: 'NO',
    vippsConfirmationUrl: a.vippsConfirmationUrl,
  };
}

export const getAgreement: Handler = (ctx) => {
  const found = findAgreement(ctx);
  if (!('uuid' in found)) return found;
  return { status: 200, contentType: 'application/json;charset=UTF-8', body: agreementBody(found) };
};

/** Test-only: the user accepts in the app; PENDING → ACTIVE, and the initial charge is settled. */
export const forceAcceptAgreement: Handler = (ctx) =>
  idempotentWrite(ctx, (input) => {
    const found = findAgreement(ctx);
    if (!('uuid' in found)) return found;
    const checked = validateWith(ForceAcceptSchema, input);
    if (!checked.ok) return problemReply('recurring', ctx.path, validationProblem(checked.issues));
    if (found.status !== 'PENDING') {
      return problemReply('recurring', ctx.path, { status: 400, title: 'The agreement cannot be accepted.', detail: `Agreement "${found.id}" is ${found.status}; only a PENDING agreement can be accepted.`, recurringType: 'illegal-agreement-update' });
    }
    found.status = 'ACTIVE';
    found.start = nowIso(ctx);
    found.phoneNumber = checked.value.phoneNumber;
    if (found.scope) found.sub = shortId('sub-', 20);
    const initial = found.initialChargeId ? ctx.deps.store.charges.get(key(found.msn, found.initialChargeId)) : undefined;
    if (initial) {
      const direct = initial.transactionType === 'DIRECT_CAPTURE';
      initial.status = direct ? 'CHARGED' : 'RESERVED';
      initial.transactionId = digits(10);
      initial.history.push({ occurred: nowIso(ctx), event: direct ? 'CAPTURE' : 'RESERVE', amount: initial.amount, idempotencyKey: null, success: true });
    }
    ctx.deps.store.changed();
    return { status: 204, raw: '' };
  });

export const createCharge: Handler = (ctx) =>
  idempotentWrite(ctx, (input) => {
    const found = findAgreement(ctx);
    if (!('uuid' in found)) return found;
    const result = validateCreateCharge(input, { now: ctx.deps.now(), minDaysAhead: ctx.deps.config.chargeMinDaysAhead });
    if (!result.ok) {
      const tooSoon = result.issues.some((i) => i.name === 'due' && /after today/.test(i.reason));
      return problemReply('recurring', ctx.path, { ...validationProblem(result.issues), recurringType: tooSoon ? 'charge-due-too-soon' : 'validation-error' });
    }
    if (found.status !== 'ACTIVE') {
      return problemReply('recurring', ctx.path, { status: 400, title: 'The agreement is not active.', detail: `Agreement "${found.id}" is ${found.status}; charges can only be created on an ACTIVE agreement.`, recurringType: 'charge-creation-failed' });
    }
    const request = result.value;
    const id = request.orderId ?? shortId('chr-', 10);
    const store = ctx.deps.store;
    if (store.charges.has(key(found.msn, id))) {
      return problemReply('recurring', ctx.path, { status: 409, title: 'The charge id is already in use.', detail: `A charge with id "${id}" already exists for this sales unit; use a new orderId.`, recurringType: 'charge-creation-failed' });
    }
    const charge = newCharge(ctx, found, { id, amount: request.amount, description: request.description, due: `${request.due}T00:00:00Z`, retryDays: request.retryDays, type: 'RECURRING', transactionType: request.transactionType, externalId: request.externalId ?? null });
    store.charges.set(key(found.msn, id), charge);
    store.changed();
    return { status: 201, contentType: 'application/json;charset=UTF-8', body: { chargeId: id } };
  });

function chargeBody(c: ChargeRecord): unknown {
  const captured = c.status === 'CHARGED' ? c.amount : 0;
  return {
    id: c.id,
    agreementId: c.agreementId,
    amount: c.amount,
    currency: c.currency,
    description: c.description,
    due: c.due,
    status: c.status,
    type: c.type,
    transactionType: c.transactionType,
    transactionId: c.transactionId,
    retryDays: c.retryDays,
    externalId: c.externalId,
    failureReason: null,
    summary: { captured, refunded: 0, cancelled: 0 },
    history: c.history,
  };
}

export const getCharge: Handler = (ctx) => {
  const unit = requireUnit(ctx);
  const chargeId = ctx.params.chargeId ?? '';
  const charge = ctx.deps.store.charges.get(key(unit.msn, chargeId));
  const agreementId = ctx.params.agreementId;
  if (!charge || (agreementId !== undefined && charge.agreementId !== agreementId)) return notFound(ctx, 'Charge', chargeId);
  return { status: 200, contentType: 'application/json;charset=UTF-8', body: chargeBody(charge) };
};
