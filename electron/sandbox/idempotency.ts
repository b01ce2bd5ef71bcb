import type { Reply, RequestContext } from './context';
import { header, requireUnit } from './context';
import { problemReply, validationProblem } from './errors';
import { key } from './state';
import { quote } from './text';

interface KeyRules {
  min: number;
  max: number;
  forbidden: RegExp | null;
}

// ePayment: required, at most 50. Recurring: 1–40 and none of # ? / \ (they break its URLs).
const RULES: Partial<Record<RequestContext['api'], KeyRules>> = {
  epayment: { min: 1, max: 50, forbidden: null },
  recurring: { min: 1, max: 40, forbidden: /[#?/\\]/ },
};

export function readIdempotencyKey(ctx: RequestContext): { key: string } | { reply: Reply } {
  const rules = RULES[ctx.api] ?? { min: 1, max: 50, forbidden: null };
  const value = header(ctx, 'idempotency-key');
  const fail = (reason: string) => ({
    reply: problemReply(ctx.api, ctx.path, { ...validationProblem([{ name: 'Idempotency-Key', reason }]), recurringType: 'idempotency-key-header' }),
  });
  if (value === undefined || value.length < rules.min) {
    return fail('This header is required here: a unique value per operation, reused only when retrying that same operation.');
  }
  if (value.length > rules.max) return fail(`May be at most ${rules.max} characters long; it has ${value.length}.`);
  if (rules.forbidden?.test(value)) return fail('May not contain #, ?, / or \\.');
  return { key: value };
}

/**
 * Same key and same request → the first answer again; same key, different request → 409.
 * 5xx answers are not kept, so a retry after a server error runs the operation for real.
 */
export function withIdempotency(ctx: RequestContext, idempotencyKey: string, fingerprint: string, run: () => Reply): Reply {
  const unit = requireUnit(ctx);
  // Scoped to the operation: the official collections reuse one key for a payment's create,
  // capture and refund, and the service treats those as separate requests.
  const k = key(ctx.api, unit.msn, ctx.method, ctx.path, idempotencyKey);
  const previous = ctx.deps.store.idempotency.get(k);
  if (previous) {
    if (previous.fingerprint === fingerprint) {
      return { ...previous.reply, headers: { ...previous.reply.headers, 'Idempotent-Replayed': 'true' } };
    }
    return problemReply(ctx.api, ctx.path, {
      status: 409,
      title: 'Idempotency-Key reused for a different request.',
      detail: `The Idempotency-Key ${quote(idempotencyKey)} was already used with another request. Use a new key for a new operation; reuse a key only to retry the exact same request.`,
      recurringType: 'idempotency-key-header',
    });
  }
  const reply = run();
  if (reply.status < 500) {
    ctx.deps.store.put('idempotency', k, { msn: unit.msn, fingerprint, reply, at: new Date(ctx.deps.now()).toISOString() });
  }
  return reply;
}
