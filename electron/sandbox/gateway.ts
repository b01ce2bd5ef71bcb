import type { ValidationIssue } from '../../shared/vipps/issues';
import { MSN_PATTERN } from '../../shared/vipps/patterns';
import type { ApiKind, Reply, RequestContext } from './context';
import { header } from './context';
import { gatewayError, problemReply, validationProblem } from './errors';

export const SYSTEM_HEADERS = [
  'vipps-system-name',
  'vipps-system-version',
  'vipps-system-plugin-name',
  'vipps-system-plugin-version',
] as const;

const DISPLAY_NAME: Record<string, string> = {
  'vipps-system-name': 'Vipps-System-Name',
  'vipps-system-version': 'Vipps-System-Version',
  'vipps-system-plugin-name': 'Vipps-System-Plugin-Name',
  'vipps-system-plugin-version': 'Vipps-System-Plugin-Version',
};

/** OM raised the limit to 100 in Aug 2023; every other API (and the token endpoint) keeps 30. */
export function systemHeaderLimit(api: ApiKind): number {
  return api === 'om' ? 100 : 30;
}

export function systemHeaderIssues(ctx: Pick<RequestContext, 'headers' | 'api'>): ValidationIssue[] {
  const limit = systemHeaderLimit(ctx.api);
  const issues: ValidationIssue[] = [];
  for (const name of SYSTEM_HEADERS) {
    const value = header(ctx, name);
    if (value !== undefined && value.length > limit) {
      issues.push({ name: DISPLAY_NAME[name] ?? name, reason: `May be at most ${limit} characters long for this API; it has ${value.length}.` });
    }
  }
  return issues;
}

const KEY_MISSING = 'Access denied: the Ocp-Apim-Subscription-Key header is missing. Send the subscription key of your sales unit.';
const KEY_UNKNOWN = 'Access denied: the Ocp-Apim-Subscription-Key is not a known, active subscription key. Check that you copied the key of a test sales unit.';

/** The gateway's subscription-key check, shared by the token endpoint and every API. */
export function checkSubscriptionKey(ctx: RequestContext): Reply | null {
  const key = header(ctx, 'ocp-apim-subscription-key');
  if (!key) return gatewayError(401, KEY_MISSING);
  const unit = ctx.deps.units.bySubscriptionKey(key);
  if (!unit) return gatewayError(401, KEY_UNKNOWN);
  ctx.unit = unit;
  return null;
}

function bearerToken(ctx: RequestContext): { token: string } | Reply {
  const value = header(ctx, 'authorization');
  if (!value) {
    return gatewayError(401, 'The Authorization header is missing. Send "Authorization: Bearer <access_token>" with the token from POST /accesstoken/get.');
  }
  const space = value.indexOf(' ');
  const scheme = space < 0 ? value : value.slice(0, space);
  const token = space < 0 ? '' : value.slice(space + 1).trim();
  if (scheme.toLowerCase() !== 'bearer' || !token) {
    return gatewayError(401, `The Authorization header must be the word Bearer, a space and the access token; it starts with ${JSON.stringify(scheme.slice(0, 20))} instead.`);
  }
  if (ctx.deps.config.strictBearerCase && scheme !== 'Bearer') {
    return gatewayError(401, `Write the scheme as "Bearer" with a capital B; "${scheme}" is refused.`);
  }
  return { token };
}

const TOKEN_FAILURE: Record<string, string> = {
  malformed: 'The access token is not a token this environment issued (it is damaged or cut short). Fetch a new one from POST /accesstoken/get.',
  signature: 'The access token was not issued by this environment (its signature does not match). Tokens from another environment or an earlier sandbox do not work here; fetch a new one.',
  'not-yet-valid': 'The access token is not valid yet; check the clock of the machine that asked for it.',
};

function msnIssue(ctx: RequestContext, required: boolean, pattern: RegExp | null): Reply | null {
  const unit = ctx.unit;
  const msn = header(ctx, 'merchant-serial-number');
  if (msn === undefined || msn === '') {
    if (!required) return null;
    return problemReply(ctx.api, ctx.path, validationProblem([{ name: 'Merchant-Serial-Number', reason: 'This header is required: the MSN of your sales unit.' }]));
  }
  if (pattern && !pattern.test(msn)) {
    return problemReply(ctx.api, ctx.path, validationProblem([{ name: 'Merchant-Serial-Number', reason: 'The MSN must be 4 to 6 digits.' }]));
  }
  if (unit && msn !== unit.msn) {
    return problemReply(ctx.api, ctx.path, {
      status: 403,
      title: 'Not allowed for this merchant serial number.',
      detail: `Your keys belong to MSN ${unit.msn}, but the Merchant-Serial-Number header says ${msn}. Use the keys and MSN of the same sales unit.`,
      recurringType: 'not-authorized',
      ecom: { group: 'Merchant', code: 'Merchant-Serial-Number' },
    });
  }
  return null;
}

function checkToken(ctx: RequestContext): { cid: string } | Reply {
  const bearer = bearerToken(ctx);
  if (!('token' in bearer)) return bearer;
  const check = ctx.deps.tokens.check(bearer.token);
  if (!check.ok) {
    if (check.reason === 'expired' && check.claims) {
      const at = new Date(check.claims.exp * 1000).toISOString();
      return gatewayError(401, `The access token expired at ${at}. Fetch a new one from POST /accesstoken/get.`);
    }
    return gatewayError(401, TOKEN_FAILURE[check.reason] ?? 'The access token is not valid.');
  }
  return { cid: check.claims.cid };
}

/** Userinfo takes the merchant's access token alone: the token names the sales unit. */
export function authorizeTokenOnly(ctx: RequestContext): Reply | null {
  const token = checkToken(ctx);
  if (!('cid' in token)) return token;
  const unit = ctx.deps.units.byClientId(token.cid);
  if (!unit) return gatewayError(401, 'The access token belongs to a sales unit this sandbox no longer knows. Fetch a new token.');
  ctx.unit = unit;
  return null;
}

/**
 * Everything the gateway and the API check before the body is looked at: subscription key,
 * Bearer token (signature, expiry, same sales unit), MSN and Vipps-System-* header lengths.
 */
export function authorizeApiCall(ctx: RequestContext): Reply | null {
  const keyFailure = checkSubscriptionKey(ctx);
  if (keyFailure) return keyFailure;
  const unit = ctx.unit;
  const token = checkToken(ctx);
  if (!('cid' in token)) return token;
  if (unit && token.cid !== unit.clientId) {
    return gatewayError(401, 'The access token was issued to another sales unit than the one this subscription key belongs to. Use the token, key and MSN of the same sales unit.');
  }
  const msnRequired = ctx.api === 'om' || ctx.api === 'epayment' || ctx.api === 'webhooks';
  const msnFailure = msnIssue(ctx, msnRequired, ctx.api === 'epayment' ? MSN_PATTERN : null);
  if (msnFailure) return msnFailure;
  const headerIssues = systemHeaderIssues(ctx);
  if (headerIssues.length > 0) return problemReply(ctx.api, ctx.path, validationProblem(headerIssues));
  return null;
}
