import { z } from 'zod';
import { validateWith } from '../../shared/vipps/issues';
import type { Handler } from './context';
import { requireUnit } from './context';
import { problemReply, validationProblem } from './errors';
import { parseJsonBody } from './request-body';
import { quote } from './text';

/** The ePayment events this sandbox sends; the Webhooks API names each with a version suffix. */
export const EPAYMENT_WEBHOOK_EVENTS = ['created', 'authorized', 'aborted', 'expired', 'cancelled', 'captured', 'refunded', 'terminated'].map((name) => `epayments.payment.${name}.v1`);

const RegisterSchema = z.object({
  url: z.string().min(1).max(2048),
  events: z.array(z.string()).min(1, { error: 'List at least one event, e.g. epayments.payment.authorized.v1.' }).max(50),
});

export const registerWebhook: Handler = (ctx) => {
  const unit = requireUnit(ctx);
  const body = parseJsonBody(ctx);
  if (!body.ok) return body.reply;
  const checked = validateWith(RegisterSchema, body.value);
  if (!checked.ok) return problemReply('webhooks', ctx.path, validationProblem(checked.issues));
  const unknown = checked.value.events.filter((e) => !EPAYMENT_WEBHOOK_EVENTS.includes(e));
  if (unknown.length > 0) {
    return problemReply('webhooks', ctx.path, validationProblem([{ name: 'events', reason: `Unknown event ${quote(unknown[0] ?? '')}. The sandbox sends: ${EPAYMENT_WEBHOOK_EVENTS.join(', ')}.` }]));
  }
  const result = ctx.deps.webhooks.register(unit.msn, checked.value.url, checked.value.events);
  if (!result.ok) return problemReply('webhooks', ctx.path, validationProblem([{ name: result.field, reason: result.reason }]));
  return { status: 201, body: { id: result.webhook.id, secret: result.webhook.secret } };
};

export const listWebhooks: Handler = (ctx) => {
  const unit = requireUnit(ctx);
  return { status: 200, body: { webhooks: ctx.deps.webhooks.list(unit.msn).map(({ id, url, events }) => ({ id, url, events })) } };
};

export const deleteWebhook: Handler = (ctx) => {
  const unit = requireUnit(ctx);
  const id = ctx.params.id ?? '';
  if (!ctx.deps.webhooks.remove(unit.msn, id)) {
    return problemReply('webhooks', ctx.path, { status: 404, title: 'Webhook not found.', detail: `No webhook with id ${quote(id)} is registered for MSN ${unit.msn}.` });
  }
  return { status: 204, raw: '' };
};
