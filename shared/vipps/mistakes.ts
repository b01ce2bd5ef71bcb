/**
 * The classic Vipps integration mistakes, recognised from what a request sent and what the API
 * gateway or the token endpoint answered, each with the one thing to change. Generic tools show
 * these as a bare 401 or 404; they cost people hours.
 */
export interface MistakeInput {
  method: string;
  url: string;
  /** Header names and values as sent (credential values may be redacted). */
  headers: Array<{ name: string; value: string }>;
  requestBody: string;
  status: number;
  responseHeaders: Array<{ name: string; value: string }>;
  responseBody: string;
}

export interface Mistake {
  id: 'token-url' | 'keys-in-body' | 'bearer' | 'other-sales-unit' | 'wrong-environment' | 'rate-limited';
  title: string;
  fix: string;
}

const TEST_HOST = 'apitest.vipps.no';
const PRODUCTION_HOST = 'api.vipps.no';
/** Token paths from other APIs and old guides: the Login API's, OAuth's, and the old eCom one. */
const WRONG_TOKEN_PATH = /\/(access-?token(?!\/get)|oauth2?\/token|access-management-[\d.]+\/access\/oauth2\/token|ecomm\/v2\/access-?token|token)\/?$/i;
const KEY_FIELDS = /"(client_id|client_secret|ocp-apim-subscription-key|subscription_key)"\s*:/i;

function header(lines: MistakeInput['headers'], name: string): string | undefined {
  return lines.find((h) => h.name.toLowerCase() === name)?.value;
}

function pathOf(url: string): { host: string; path: string } {
  try {
    const u = new URL(url);
    return { host: u.host.toLowerCase(), path: u.pathname };
  } catch {
    return { host: '', path: url };
  }
}

export function diagnoseMistake(input: MistakeInput): Mistake | null {
  const { host, path } = pathOf(input.url);
  const body = input.responseBody.slice(0, 4096);
  if (input.status === 429) {
    const wait = header(input.responseHeaders, 'retry-after') ?? /try again in (\d+) seconds/i.exec(body)?.[1];
    return {
      id: 'rate-limited',
      title: 'Rate limit reached',
      fix: `Wait ${wait ? `${wait} seconds (Retry-After)` : 'the time the Retry-After header gives'} before sending again. Create, capture, cancel and refund allow 5 calls a minute per reference, and a call without a reference is refused at once.`,
    };
  }
  if (input.status < 400) return null;
  if (input.status === 404 && input.method.toUpperCase() === 'POST' && WRONG_TOKEN_PATH.test(path) && !/\/accesstoken\/get\/?$/i.test(path)) {
    return { id: 'token-url', title: 'Not the token endpoint', fix: `Fetch the access token with POST ${host ? `https://${host}` : ''}/accesstoken/get (client_id, client_secret and Ocp-Apim-Subscription-Key as headers). This URL comes from another API or an old guide.` };
  }
  const keyHeaderMissing = header(input.headers, 'ocp-apim-subscription-key') === undefined || header(input.headers, 'client_id') === undefined;
  if ((input.status === 401 || input.status === 400) && KEY_FIELDS.test(input.requestBody) && keyHeaderMissing) {
    return { id: 'keys-in-body', title: 'Keys sent in the body', fix: 'Send client_id, client_secret and Ocp-Apim-Subscription-Key as request headers; the token endpoint and the gateway do not read them from the body.' };
  }
  if (input.status === 401) {
    const auth = header(input.headers, 'authorization');
    const plain = auth !== undefined && !auth.startsWith('«redacted');
    if ((plain && !/^Bearer \S/.test(auth)) || /word Bearer|missing.*bearer|bearer.*missing|invalid.*scheme/i.test(body)) {
      return { id: 'bearer', title: 'Authorization is not "Bearer <token>"', fix: 'Write the header as Authorization: Bearer <access_token>: the word Bearer with a capital B, one space, then the token (the quick start once printed it as "YOUBearer").' };
    }
    if (/another sales unit|issued to another/i.test(body)) {
      return { id: 'other-sales-unit', title: 'Keys from two sales units', fix: 'Use the token, subscription key and MSN of one sales unit: the subscription key belongs to another sales unit than the token.' };
    }
    if (/subscription key/i.test(body) && (host === TEST_HOST || host === PRODUCTION_HOST)) {
      const other = host === TEST_HOST ? `production keys? They work only on ${PRODUCTION_HOST}` : `test keys? They work only on ${TEST_HOST}`;
      return { id: 'wrong-environment', title: 'Subscription key not known on this host', fix: `Are these ${other}. Each environment has its own keys in the portal.` };
    }
  }
  if (input.status === 403 && /keys belong to MSN|merchant serial number/i.test(body)) {
    return { id: 'other-sales-unit', title: 'MSN of another sales unit', fix: 'Set Merchant-Serial-Number to the MSN of the sales unit the keys belong to (or use that sales unit’s keys).' };
  }
  return null;
}
