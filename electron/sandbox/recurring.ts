import { z } from 'zod';
import { validateWith } from '../../shared/vipps/issues';
import { ForceAcceptSchema, validateDraftAgreement } from '../../shared/vipps/recurring';
import type { Handler, Reply, RequestContext } from './context';
import { requireUnit } from './context';
import { problemReply, validationProblem } from './errors';
import { shortId, uuid } from './ids';
import type { LenientRule } from '../../shared/vipps/lenient';
import { acceptAgreement, actOnNewAgreement } from './customer';
import { readIdempotencyKey, withIdempotency } from './idempotency';
import { parseJsonBody, requestFingerprint } from './request-body';
import { key, type AgreementRecord, type ChargeRecord } from './state';
import { quote } from './text';

/** The userinfo link points at this sandbox; the record keeps its own copy of where it was made. */
function baseUrlOf(a: AgreementRecord): string {
  return a.vippsConfirmationUrl.slice(0, a.vippsConfirmationUrl.indexOf('/__sandbox/'));
}

const nowIso = (ctx: RequestContext) => new Date(ctx.deps.now()).toISOString();

export function notFound(ctx: RequestContext, what: string, id: string): Reply {
  return problemReply('recurring', ctx.path, {
    status: 404,
    title: `${what} not found.`,
    detail: `No ${what.toLowerCase()} with id ${quote(id)} exists for this sales unit.`,
    recurringType: what === 'Agreement' ? 'invalid-agreement-id' : 'charge-not-found',
  });
}

function intervalText(unit: string, count: number): string {
  const word = unit.toLowerCase();
  return count === 1 ? `every ${word}` : `every ${count} ${word}s`;
}

/** Runs a write the Recurring way: Idempotency-Key required, JSON body, replay on retry. */
export function idempotentWrite(ctx: RequestContext, run: (body: unknown, idempotencyKey: string) => Reply, options: { optionalBody?: boolean; lenient?: readonly LenientRule[] } = {}): Reply {
  const idem = readIdempotencyKey(ctx);
  if ('reply' in idem) return idem.reply;
  const body = parseJsonBody(ctx, { optional: options.optionalBody, lenient: options.lenient });
  if (!body.ok) return body.reply;
  return withIdempotency(ctx, idem.key, requestFingerprint(ctx, body.value), () => run(body.value, idem.key));
}

const DRAFT_LENIENCY: readonly LenientRule[] = [
  { path: ['interval', 'count'], wants: 'integer' },
  { path: ['campaign', 'period', 'count'], wants: 'integer' },
  { path: ['campaign', 'interval', 'count'], wants: 'integer' },
];

export function newCharge(ctx: RequestContext, agreement: AgreementRecord, fields: Omit<ChargeRecord, 'msn' | 'agreementId' | 'status' | 'transactionId' | 'history' | 'currency' | 'captured' | 'refunded' | 'cancelled'>, idempotencyKey: string | null): ChargeRecord {
  return {
    ...fields,
    msn: agreement.msn,
    agreementId: agreement.id,
    currency: 'NOK',
    status: 'PENDING',
    // The spec: "Contains null until the status has reached CHARGED."
    transactionId: null,
    captured: 0,
    refunded: 0,
    cancelled: 0,
    history: [{ occurred: nowIso(ctx), event: 'CREATE', amount: fields.amount, idempotencyKey, success: true }],
  };
}

export const createAgreement: Handler = (ctx) =>
  idempotentWrite(ctx, (input, idempotencyKey) => {
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
      campaign: draft.campaign ?? null,
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
    store.put('agreements', key(unit.msn, agreement.id), agreement);
    if (draft.initialCharge && initialChargeId) {
      const c = draft.initialCharge;
      const charge = newCharge(ctx, agreement, { id: initialChargeId, amount: c.amount, description: c.description, due: nowIso(ctx), retryDays: 0, type: 'INITIAL', transactionType: c.transactionType, externalId: c.externalId ?? null }, idempotencyKey);
      store.put('charges', key(unit.msn, charge.id), charge);
    }
    actOnNewAgreement(ctx, agreement, draft.initialCharge?.amount ?? null);
    return { status: 201, contentType: 'application/json;charset=UTF-8', body: { agreementId: agreement.id, uuid: agreement.uuid, vippsConfirmationUrl: agreement.vippsConfirmationUrl, chargeId: initialChargeId } };
  }, { lenient: DRAFT_LENIENCY });

export function findAgreement(ctx: RequestContext): AgreementRecord | Reply {
  const unit = requireUnit(ctx);
  const id = ctx.params.agreementId ?? '';
  return ctx.deps.store.agreements.get(key(unit.msn, id)) ?? notFound(ctx, 'Agreement', id);
}

export function agreementBody(a: AgreementRecord): unknown {
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
    // Optional members the spec does not mark nullable are left out rather than sent as null.
    ...(a.productDescription !== null ? { productDescription: a.productDescription } : {}),
    created: a.created,
    start: a.start,
    stop: a.stop,
    campaign: a.campaign,
    merchantAgreementUrl: a.merchantAgreementUrl,
    merchantRedirectUrl: a.merchantRedirectUrl,
    sub: a.sub,
    userinfoUrl: a.sub ? `${baseUrlOf(a)}/vipps-userinfo-api/userinfo/${a.sub}` : null,
    ...(a.externalId !== null ? { externalId: a.externalId } : {}),
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
  idempotentWrite(ctx, (input, idempotencyKey) => {
    const found = findAgreement(ctx);
    if (!('uuid' in found)) return found;
    const checked = validateWith(ForceAcceptSchema, input);
    if (!checked.ok) return problemReply('recurring', ctx.path, validationProblem(checked.issues));
    if (found.status === 'ACTIVE' && found.customer?.act === 'approve') {
      // Flows written for the test environment accept here; the simulated customer got there first.
      ctx.notes.push('Already accepted by the simulated customer; answered as if this call accepted it.');
      return { status: 204, raw: '' };
    }
    if (found.status !== 'PENDING') {
      return problemReply('recurring', ctx.path, { status: 400, title: 'The agreement cannot be accepted.', detail: `Agreement "${found.id}" is ${found.status}; only a PENDING agreement can be accepted.`, recurringType: 'illegal-agreement-update' });
    }
    acceptAgreement(ctx, found, checked.value.phoneNumber, idempotencyKey);
    return { status: 204, raw: '' };
  });


const AGREEMENT_STATUSES = new Set(['PENDING', 'ACTIVE', 'STOPPED', 'EXPIRED']);

/** GET /agreements?status=…: the sales unit's agreements, oldest first, optionally one status. */
export const listAgreements: Handler = (ctx) => {
  const unit = requireUnit(ctx);
  const status = ctx.query.get('status');
  if (status !== null && !AGREEMENT_STATUSES.has(status)) {
    return problemReply('recurring', ctx.path, validationProblem([{ name: 'status', reason: 'status must be PENDING, ACTIVE, STOPPED or EXPIRED.' }]));
  }
  const list: unknown[] = [];
  for (const a of ctx.deps.store.agreements.values()) {
    if (a.msn === unit.msn && (status === null || a.status === status)) list.push(agreementBody(a));
  }
  return { status: 200, contentType: 'application/json;charset=UTF-8', body: list };
};

const PatchSchema = z
  .object({
    status: z.literal('STOPPED', { error: 'status can only be set to STOPPED.' }).optional(),
    productName: z.string().min(1).max(45).optional(),
    productDescription: z.string().max(100).optional(),
    merchantAgreementUrl: z.string().max(1024).optional(),
    merchantRedirectUrl: z.string().max(1024).optional(),
    externalId: z.string().min(1).max(64).optional(),
    pricing: z.object({ amount: z.int().min(100).optional(), suggestedMaxAmount: z.int().min(100).max(2_000_000).optional() }).optional(),
  })
  .strict();

/** PATCH /agreements/{id}: update fields of a PENDING or ACTIVE agreement, or stop it. */
export const updateAgreement: Handler = (ctx) =>
  idempotentWrite(ctx, (input) => {
    const found = findAgreement(ctx);
    if (!('uuid' in found)) return found;
    const checked = validateWith(PatchSchema, input);
    if (!checked.ok) return problemReply('recurring', ctx.path, validationProblem(checked.issues));
    const patch = checked.value;
    if (found.status !== 'PENDING' && found.status !== 'ACTIVE') {
      return problemReply('recurring', ctx.path, { status: 400, title: 'The agreement cannot be changed.', detail: `Agreement ${quote(found.id)} is ${found.status}; only PENDING and ACTIVE agreements can be updated or stopped.`, recurringType: 'illegal-agreement-update' });
    }
    if (patch.pricing?.amount !== undefined && found.pricing.type !== 'LEGACY') {
      return problemReply('recurring', ctx.path, validationProblem([{ name: 'pricing.amount', reason: 'This agreement has VARIABLE pricing; change pricing.suggestedMaxAmount instead.' }]));
    }
    if (patch.pricing?.suggestedMaxAmount !== undefined && found.pricing.type !== 'VARIABLE') {
      return problemReply('recurring', ctx.path, validationProblem([{ name: 'pricing.suggestedMaxAmount', reason: 'This agreement has LEGACY pricing; change pricing.amount instead.' }]));
    }
    if (patch.productName !== undefined) found.productName = patch.productName;
    if (patch.productDescription !== undefined) found.productDescription = patch.productDescription;
    if (patch.merchantAgreementUrl !== undefined) found.merchantAgreementUrl = patch.merchantAgreementUrl;
    if (patch.merchantRedirectUrl !== undefined) found.merchantRedirectUrl = patch.merchantRedirectUrl;
    if (patch.externalId !== undefined) found.externalId = patch.externalId;
    if (patch.pricing?.amount !== undefined) found.pricing.amount = patch.pricing.amount;
    if (patch.pricing?.suggestedMaxAmount !== undefined) found.pricing.suggestedMaxAmount = patch.pricing.suggestedMaxAmount;
    if (patch.status === 'STOPPED') {
      found.status = 'STOPPED';
      found.stop = nowIso(ctx);
    }
    ctx.deps.store.touch('agreements', key(found.msn, found.id));
    return { status: 204, raw: '' };
  });
