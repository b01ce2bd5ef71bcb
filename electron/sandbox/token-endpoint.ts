import { MSN_PATTERN } from '../../shared/vipps/patterns';
import { effectiveFaults } from './config';
import type { Handler } from './context';
import { header } from './context';
import { aadError, gatewayError } from './errors';
import { checkSubscriptionKey, systemHeaderIssues } from './gateway';

// Azure AD codes as the real endpoint reports them: unknown application, wrong secret.
const AAD_UNKNOWN_CLIENT = 700016;
const AAD_BAD_SECRET = 7000215;

/**
 * POST /accesstoken/get: subscription key (gateway), then client_id/client_secret (Azure AD),
 * then an optional MSN that must be the unit's own. Answers with the seven string fields.
 */
export const getAccessToken: Handler = (ctx) => {
  const keyFailure = checkSubscriptionKey(ctx);
  if (keyFailure) return keyFailure;
  const unit = ctx.unit;
  if (!unit) return gatewayError(401, 'Access denied.');
  const { config, now } = ctx.deps;
  const headerIssues = systemHeaderIssues(ctx);
  if (headerIssues.length > 0) return gatewayError(400, headerIssues.map((i) => `${i.name}: ${i.reason}`).join(' '));

  if (effectiveFaults(config.faults, unit.msn).failTokenEndpoint) {
    const status = effectiveFaults(config.faults, unit.msn).errorStatus;
    return gatewayError(status, 'The token service is unavailable (a fault injected in the sandbox). Retry later; tokens you already hold still work.');
  }

  const status = config.badClientCredentialsStatus;
  const clientId = header(ctx, 'client_id');
  const clientSecret = header(ctx, 'client_secret');
  if (!clientId || clientId !== unit.clientId) {
    const why = !clientId
      ? 'The client_id header is missing.'
      : 'The client_id is not the client id of the sales unit this subscription key belongs to.';
    return aadError(status, 'unauthorized_client', AAD_UNKNOWN_CLIENT, `${why} Copy client_id, client_secret and the subscription key from the same test sales unit.`, now());
  }
  if (!clientSecret || clientSecret !== unit.clientSecret) {
    const why = !clientSecret ? 'The client_secret header is missing.' : 'The client_secret is wrong for this client_id.';
    return aadError(status, 'invalid_client', AAD_BAD_SECRET, `${why} Check for spaces or a secret that was renewed in the portal.`, now());
  }

  const msn = header(ctx, 'merchant-serial-number');
  if (msn !== undefined && msn !== '') {
    if (!MSN_PATTERN.test(msn)) return gatewayError(400, 'Merchant-Serial-Number must be 4 to 6 digits.');
    if (msn !== unit.msn) {
      return gatewayError(401, `These keys belong to MSN ${unit.msn}, not ${msn}. Use the keys and MSN of the same sales unit.`);
    }
  }
  return { status: 200, body: ctx.deps.tokens.issue(unit, `${ctx.deps.baseUrl()}/`), contentType: 'application/json;charset=UTF-8' };
};
