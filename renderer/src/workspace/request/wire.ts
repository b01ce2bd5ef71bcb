import type { HttpRequestInput } from '../../../../shared/contract/requests';
import { resolveAuth, toHttpRequest } from '../../../../shared/model/convert';
import type { ApiRequest, RequestAuth } from '../../../../shared/model/request';

export type WireResult = { ok: true; request: HttpRequestInput } | { ok: false; reason: string };

/**
 * The editor's request as the engine's send call takes it (the model's own converter), or why
 * it cannot be sent from the editor yet. `inherited` is the auth of the request's folders and
 * collection, outermost first.
 */
export function toWireRequest(request: ApiRequest, inherited: readonly RequestAuth[] = []): WireResult {
  if (request.body.mode === 'multipart' || request.body.mode === 'binary') {
    return { ok: false, reason: 'Multipart and file bodies cannot be sent from the editor yet: switch the body to JSON, text or form to send it here.' };
  }
  const auth = resolveAuth([...inherited, request.auth]);
  if (auth.type === 'basic' && /\{\{/.test(auth.username + auth.password)) {
    return { ok: false, reason: 'Basic auth with {{variables}} in the user name or password is filled by the runner; type the values here, or use Run on this request.' };
  }
  if (request.url.trim() === '') return { ok: false, reason: 'Type a URL first, for example {{baseUrl}}/epayment/v1/payments.' };
  return { ok: true, request: toHttpRequest(request, auth) };
}
