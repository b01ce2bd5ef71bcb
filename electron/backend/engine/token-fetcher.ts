import { parseJsonOrNull } from '../../../shared/json';
import { readVippsProblem } from '../../../shared/vipps/problems';
import { randomUUID } from 'node:crypto';
import { fail } from '../failure';
import { Redactor } from '../history/redactor';
import type { ProfileService } from '../profiles/profile-service';
import { exchange, type ConnectionPools } from './http-exchange';
import { planHeaders, requireKeys } from './request-builder';
import type { ResponseBodies } from './response-bodies';
import { parseTokenResponse, type AccessToken } from './token-manager';
import { transportFailure, type AbortReason } from './transport-errors';

const TOKEN_TIMEOUT_MS = 30_000;

/** A short, redacted reason from the token API's error answer (Azure AD or gateway format). */
function describeTokenError(body: string, redactor: Redactor): string {
  const problem = readVippsProblem(parseJsonOrNull(body));
  const detail = problem?.detail ?? problem?.title;
  if (detail) return redactor.text(detail).split('\n')[0]!.slice(0, 300);
  // Not a known error format: the raw text, shortened.
  return redactor.text(body).slice(0, 200);
}

/**
 * POST {base}/accesstoken/get with the profile's keys in headers and an empty body, as the
 * token API wants (it is not OAuth2). Used by the token manager when a request needs a token.
 */
export async function fetchAccessToken(deps: {
  profiles: ProfileService;
  profileId: string;
  pools: ConnectionPools;
  bodies: ResponseBodies;
  now: () => number;
}): Promise<AccessToken> {
  const profile = deps.profiles.get(deps.profileId);
  const baseUrl = deps.profiles.baseUrlOf(profile);
  if (!baseUrl) fail('NETWORK', 'The embedded sandbox is not running, so no token can be fetched for the Sandbox profile. Restart Vipps Explorer.');
  const secrets = await deps.profiles.secretsOf(profile);
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}/accesstoken/get`);
  const plan = planHeaders({
    method: 'POST',
    url,
    userHeaders: [],
    body: '',
    profile,
    toProfileHost: true,
    auth: 'profile',
    credentials: { clientId: secrets.client_id, clientSecret: secrets.client_secret, subscriptionKey: secrets.subscription_key },
    idempotencyKey: randomUUID(),
  });
  requireKeys(profile, secrets, plan.needs);

  const controller = new AbortController();
  let abortReason: AbortReason | undefined;
  const timer = setTimeout(() => {
    abortReason = 'timeout';
    controller.abort();
  }, TOKEN_TIMEOUT_MS);
  const fetchedAt = deps.now();
  try {
    const response = await exchange({ method: 'POST', url, headers: plan.headers, body: '', signal: controller.signal }, deps.pools);
    const collected = await deps.bodies.collect(response.stream, { thresholdBytes: Number.MAX_SAFE_INTEGER, headBytes: 0, idleTimeoutMs: TOKEN_TIMEOUT_MS, signal: controller.signal });
    const body = collected.kind === 'memory' ? collected.bytes.toString('utf8') : '';
    const redactor = new Redactor(Object.entries(secrets).map(([label, value]) => ({ label, value: value! })));
    if (response.status !== 200) {
      fail(
        'AUTH_FAILED',
        `No access token for "${profile.name}": ${url.host} answered ${response.status} (${describeTokenError(body, redactor)}). Check the profile's client_id, client_secret and subscription key; test and production keys are different.`,
      );
    }
    const token = parseTokenResponse(parseJsonOrNull(body) ?? undefined, fetchedAt);
    if (!token) fail('NETWORK', `${url.host} answered the token request without an access_token. Check that the profile's base URL points at the Vipps API.`);
    return token;
  } catch (error) {
    throw transportFailure(error, url.host, abortReason, TOKEN_TIMEOUT_MS);
  } finally {
    clearTimeout(timer);
  }
}
