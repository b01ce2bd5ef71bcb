import { describe, expect, it } from 'vitest';
import { diagnoseMistake, type MistakeInput } from '../../../shared/vipps/mistakes';
import { readVippsProblem } from '../../../shared/vipps/problems';

// The classic mistakes read straight from an exchange (the sandbox-driven tests are in
// mistakes.test.ts); here each condition of each rule on its own.
const KEY_HEADERS = [
  { name: 'client_id', value: 'cid' },
  { name: 'Ocp-Apim-Subscription-Key', value: 'key' },
];
const exchange = (over: Partial<MistakeInput> = {}): MistakeInput => ({
  method: 'POST',
  url: 'https://apitest.vipps.no/epayment/v1/payments',
  headers: KEY_HEADERS,
  requestBody: '',
  status: 401,
  responseHeaders: [],
  responseBody: '',
  ...over,
});
const id = (over: Partial<MistakeInput>) => diagnoseMistake(exchange(over))?.id ?? null;

describe('rate limit', () => {
  it('says how long to wait, from Retry-After or from the message', () => {
    expect(diagnoseMistake(exchange({ status: 429, responseHeaders: [{ name: 'Retry-After', value: '30' }] }))?.fix).toMatch(/^Wait 30 seconds \(Retry-After\) before sending again\./);
    expect(diagnoseMistake(exchange({ status: 429, responseBody: 'Rate limit is exceeded. Try again in 12 seconds.' }))?.fix).toMatch(/^Wait 12 seconds/);
    const plain = diagnoseMistake(exchange({ status: 429 }));
    expect(plain).toMatchObject({ id: 'rate-limited', title: 'Rate limit reached' });
    expect(plain?.fix).toMatch(/^Wait the time the Retry-After header gives before sending again\. Create, capture, cancel and refund allow 5 calls a minute/);
  });
});

describe('no mistake', () => {
  it('is found in a success or an error none of the rules names', () => {
    expect(id({ status: 200 })).toBeNull();
    expect(id({ status: 399, responseBody: 'subscription key' })).toBeNull();
    expect(id({ status: 500, responseBody: 'subscription key' })).toBeNull();
    expect(id({ status: 401, headers: [...KEY_HEADERS, { name: 'Authorization', value: 'Bearer eyJ' }], responseBody: 'Something went wrong' })).toBeNull();
  });
});

describe('the token URL', () => {
  it('is not the token endpoint when a POST to another API’s token path gets 404', () => {
    for (const path of ['/access-token', '/accesstoken', '/accessToken/', '/oauth2/token', '/oauth/token', '/access-management-1.0/access/oauth2/token', '/ecomm/v2/access-token', '/ecomm/v2/accesstoken', '/token']) {
      expect(id({ status: 404, url: `https://apitest.vipps.no${path}` }), path).toBe('token-url');
    }
    const found = diagnoseMistake(exchange({ status: 404, method: 'post', url: 'https://apitest.vipps.no/oauth2/token' }));
    expect(found?.fix).toBe('Fetch the access token with POST https://apitest.vipps.no/accesstoken/get (client_id, client_secret and Ocp-Apim-Subscription-Key as headers). This URL comes from another API or an old guide.');
    expect(diagnoseMistake(exchange({ status: 404, url: '/oauth2/token' }))?.fix).toMatch(/^Fetch the access token with POST \/accesstoken\/get/);
  });

  it('is not blamed on the right endpoint, another status or method, or a path that only ends like one', () => {
    expect(id({ status: 404, url: 'https://apitest.vipps.no/accesstoken/get' })).toBeNull();
    expect(id({ status: 404, url: 'https://apitest.vipps.no/accesstoken/get/' })).toBeNull();
    expect(id({ status: 400, url: 'https://apitest.vipps.no/oauth2/token', headers: [] })).toBeNull();
    expect(id({ status: 404, method: 'GET', url: 'https://apitest.vipps.no/oauth2/token' })).toBeNull();
    expect(id({ status: 404, url: 'https://apitest.vipps.no/mytoken' })).toBeNull();
    expect(id({ status: 404, url: 'https://apitest.vipps.no/token/refresh' })).toBeNull();
  });
});

describe('keys in the body', () => {
  const body = '{"client_id": "x", "client_secret": "y"}';
  it('are found on 400 or 401 when a key field is in the body and a key header is missing', () => {
    expect(id({ status: 401, requestBody: body, headers: [] })).toBe('keys-in-body');
    expect(id({ status: 400, requestBody: '{"Ocp-Apim-Subscription-Key" : "k"}', headers: [{ name: 'client_id', value: 'c' }] })).toBe('keys-in-body');
    expect(id({ status: 400, requestBody: '{"subscription_key":"k"}', headers: [{ name: 'Ocp-Apim-Subscription-Key', value: 'k' }] })).toBe('keys-in-body');
    expect(diagnoseMistake(exchange({ requestBody: body, headers: [] }))?.title).toBe('Keys sent in the body');
  });

  it('are not blamed when both key headers were sent, for another status, or for a body without key fields', () => {
    expect(id({ status: 400, requestBody: body })).toBeNull();
    expect(id({ status: 403, requestBody: body, headers: [] })).toBeNull();
    expect(id({ status: 400, requestBody: '{"clientId": "x"}', headers: [] })).toBeNull();
  });
});

describe('the Bearer header', () => {
  const auth = (value: string, responseBody = '') => id({ headers: [...KEY_HEADERS, { name: 'authorization', value }], responseBody });
  it('is wrong when not "Bearer", one space, then the token', () => {
    expect(auth('YOUBearer eyJ')).toBe('bearer');
    expect(auth('bearer eyJ')).toBe('bearer');
    expect(auth('Bearer  eyJ')).toBe('bearer');
    expect(auth('eyJ')).toBe('bearer');
    expect(auth('Bearer eyJ')).toBeNull();
  });

  it('is blamed from the answer’s words when the header was redacted or left out', () => {
    expect(auth('«redacted:authorization»')).toBeNull();
    expect(auth('«redacted:authorization»', 'Put the word Bearer first')).toBe('bearer');
    expect(id({ responseBody: 'Authorization header missing the Bearer scheme' })).toBe('bearer');
    expect(id({ responseBody: 'Bearer token missing' })).toBe('bearer');
    expect(id({ responseBody: 'Invalid authorization scheme' })).toBe('bearer');
    expect(id({ responseBody: 'Bearer accepted' })).toBeNull();
  });
});

describe('keys of two sales units, or of the other environment', () => {
  it('is read from a 401 answer naming another sales unit', () => {
    expect(id({ responseBody: 'The subscription key belongs to another sales unit' })).toBe('other-sales-unit');
    expect(id({ responseBody: 'Token issued to another merchant' })).toBe('other-sales-unit');
  });

  it('is an unknown subscription key on a Vipps host: test keys on production and the other way round', () => {
    const test = diagnoseMistake(exchange({ responseBody: 'Access denied due to invalid subscription key.' }));
    expect(test).toMatchObject({ id: 'wrong-environment', title: 'Subscription key not known on this host' });
    expect(test?.fix).toBe('Are these production keys? They work only on api.vipps.no. Each environment has its own keys in the portal.');
    const production = diagnoseMistake(exchange({ url: 'https://API.vipps.no/x', responseBody: 'invalid Subscription Key' }));
    expect(production?.fix).toBe('Are these test keys? They work only on apitest.vipps.no. Each environment has its own keys in the portal.');
    expect(id({ url: 'http://localhost:5000/x', responseBody: 'invalid subscription key' })).toBeNull();
    expect(id({ url: 'not a url', responseBody: 'invalid subscription key' })).toBeNull();
  });

  it('is an MSN of another sales unit on 403', () => {
    expect(diagnoseMistake(exchange({ status: 403, responseBody: 'The keys belong to MSN 123456' }))).toMatchObject({ id: 'other-sales-unit', title: 'MSN of another sales unit' });
    expect(id({ status: 403, responseBody: 'Unknown merchant serial number' })).toBe('other-sales-unit');
    expect(id({ status: 403, responseBody: 'Forbidden' })).toBeNull();
    expect(id({ status: 401, responseBody: 'The keys belong to MSN 123456', headers: [...KEY_HEADERS, { name: 'Authorization', value: 'Bearer x' }] })).toBeNull();
  });

  it('reads only the start of a long answer', () => {
    expect(id({ responseBody: `${' '.repeat(5000)}another sales unit` })).toBeNull();
  });
});

describe('readVippsProblem', () => {
  it('reads eCom’s array, taking the first message and group', () => {
    const body = [
      { errorGroup: 'InvalidRequest', errorCode: 'transaction.amount', errorMessage: 'Too low' },
      { errorGroup: 'Merchant', errorMessage: 'Unknown' },
    ];
    expect(readVippsProblem(body)).toEqual({ title: 'InvalidRequest', detail: 'Too low', fieldIssues: [{ name: 'transaction.amount', reason: 'Too low' }, { name: 'Merchant', reason: 'Unknown' }] });
    expect(readVippsProblem(['x', { errorGroup: 'Payment', errorMessage: 'Refused' }])).toEqual({ title: 'Payment', detail: 'Refused', fieldIssues: [{ name: 'Payment', reason: 'Refused' }] });
    expect(readVippsProblem([{ errorMessage: 'Only a message' }])).toEqual({ title: null, detail: 'Only a message', fieldIssues: [{ name: '(request)', reason: 'Only a message' }] });
    expect(readVippsProblem([{ errorCode: 'c' }])?.fieldIssues).toEqual([{ name: 'c', reason: 'Not accepted.' }]);
    expect(readVippsProblem([{}, 'x'])).toBeNull();
    expect(readVippsProblem([])).toBeNull();
  });

  it('reads Order Management’s invalidParams and both extraDetails forms', () => {
    expect(readVippsProblem({ title: 'One or more validation errors occurred.', detail: 'BadRequest', invalidParams: [{ name: 'RedirectUrl', reason: 'Must match' }] })).toEqual({
      title: 'One or more validation errors occurred.',
      detail: 'BadRequest',
      fieldIssues: [{ name: 'RedirectUrl', reason: 'Must match' }],
    });
    expect(readVippsProblem({ extraDetails: [{ name: 'amount', reason: 'Too low' }, { field: 'due', text: 'Too soon' }, 'x'] })?.fieldIssues).toEqual([
      { name: 'amount', reason: 'Too low' },
      { name: 'due', reason: 'Too soon' },
    ]);
    expect(readVippsProblem({ invalidParams: 'x', extraDetails: { a: 1 } })).toBeNull();
  });

  it('reads titles, details and messages from every known field, numbers included, blanks skipped', () => {
    expect(readVippsProblem({ statusCode: 401, message: 'Access denied' })).toEqual({ title: null, detail: 'Access denied', fieldIssues: [] });
    expect(readVippsProblem({ error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret.\r\nTrace ID: 1' })).toEqual({ title: 'invalid_client', detail: 'AADSTS7000215: Invalid client secret.', fieldIssues: [] });
    expect(readVippsProblem({ responseInfo: { responseCode: 401, responseMessage: 'Unauthorized' } })?.detail).toBe('Unauthorized');
    expect(readVippsProblem({ result: { message: 'Denied' } })?.detail).toBe('Denied');
    expect(readVippsProblem({ title: '  ', detail: 404 })).toEqual({ title: null, detail: '404', fieldIssues: [] });
    expect(readVippsProblem({ title: 'T', detail: Number.NaN })).toEqual({ title: 'T', detail: null, fieldIssues: [] });
    expect(readVippsProblem({ responseInfo: 'x', result: 'y' })).toBeNull();
    expect(readVippsProblem({ unrelated: true })).toBeNull();
    expect(readVippsProblem(null)).toBeNull();
    expect(readVippsProblem('text')).toBeNull();
  });
});
