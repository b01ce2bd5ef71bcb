import { parseJsonStrict } from '../../shared/json';
import { applyLenientTypes, type LenientRule } from '../../shared/vipps/lenient';
import type { Reply, RequestContext } from './context';
import { problemReply } from './errors';

export type BodyResult = { ok: true; value: unknown } | { ok: false; reply: Reply };

/**
 * Parses the request body strictly. A malformed body gets a 400 (eCom: configurable 500) whose
 * detail names the line and column, and calls a trailing comma a trailing comma.
 */
export function parseJsonBody(ctx: RequestContext, options: { optional?: boolean; lenient?: readonly LenientRule[] } = {}): BodyResult {
  const text = ctx.bodyText ?? '';
  if (options.optional && text.trim() === '') return { ok: true, value: {} };
  const parsed = parseJsonStrict(text);
  if (parsed.ok) {
    if (options.lenient && !ctx.deps.config.strictTypes) {
      for (const note of applyLenientTypes(text, parsed.value, options.lenient)) ctx.notes.push(note.note);
    }
    return parsed;
  }
  const status = ctx.api === 'ecom' ? ctx.deps.config.ecomMalformedJsonStatus : 400;
  return {
    ok: false,
    reply: problemReply(ctx.api, ctx.path, {
      status,
      title: parsed.error.kind === 'empty' ? 'The request body is empty.' : 'The request body is not valid JSON.',
      detail: parsed.error.message,
      issues: [{ name: 'body', reason: parsed.error.message }],
      recurringType: 'invalid-json',
    }),
  };
}

/** The value used to decide whether a repeated Idempotency-Key carries "the same request". */
export function requestFingerprint(ctx: RequestContext, body: unknown): string {
  return `${ctx.method} ${ctx.path}\n${JSON.stringify(body)}`;
}
