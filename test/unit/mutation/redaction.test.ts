import { describe, expect, it } from 'vitest';
import { placeholder, Redactor, truncate, isSecretHeader } from '../../../electron/backend/history/redactor';
import { isSecretVariableName, RunSecrets, tokenValuesIn } from '../../../electron/backend/runner/run-secrets';
import { createScrub } from '../../../electron/cli/reporters/reporter';
import { credentialLabel, CREDENTIAL_HEADERS, isCredentialHeader } from '../../../shared/http/credential-headers';

// The secret handling, each lock on its own: a key or token that slips past one of these ends up
// in a history file, a report or a CI log.
const KEY = 'subkey-0123456789abcdef';
const SECRET = 'secret/with+odd chars=';

describe('credential headers', () => {
  it('are the authorization, key, secret and cookie headers, whatever their case, each with its label', () => {
    expect(CREDENTIAL_HEADERS).toEqual({
      authorization: 'authorization',
      'proxy-authorization': 'proxy_authorization',
      client_id: 'client_id',
      client_secret: 'client_secret',
      'ocp-apim-subscription-key': 'subscription_key',
      cookie: 'cookie',
      'set-cookie': 'cookie',
    });
    expect(isCredentialHeader('Ocp-Apim-Subscription-Key')).toBe(true);
    expect(isCredentialHeader('AUTHORIZATION')).toBe(true);
    expect(credentialLabel('Ocp-Apim-Subscription-Key')).toBe('subscription_key');
    expect(credentialLabel('Set-Cookie')).toBe('cookie');
    expect(isSecretHeader('Client_Secret')).toBe(true);
  });

  it('are not ordinary headers, nor names every object has', () => {
    for (const name of ['Content-Type', 'Merchant-Serial-Number', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(isCredentialHeader(name), name).toBe(false);
      expect(credentialLabel(name), name).toBeUndefined();
    }
  });
});

describe('Redactor', () => {
  const redactor = new Redactor([
    { label: 'subscription_key', value: KEY },
    { label: 'client_secret', value: SECRET },
    { label: 'short', value: 'abc' },
  ]);

  it('replaces every occurrence of a secret by a placeholder with its label', () => {
    expect(placeholder('client_id')).toBe('«redacted:client_id»');
    expect(redactor.byValue(`a ${KEY} b ${KEY}`)).toBe('a «redacted:subscription_key» b «redacted:subscription_key»');
    expect(redactor.byValue('nothing here')).toBe('nothing here');
  });

  it('also replaces a secret written URL-encoded', () => {
    const encoded = encodeURIComponent(SECRET);
    expect(encoded).not.toBe(SECRET);
    expect(redactor.text(`https://x.test/?s=${encoded}`)).toBe('https://x.test/?s=«redacted:client_secret»');
    expect(redactor.longestSecret).toBe(encoded.length);
  });

  it('leaves values under four characters alone, and takes four', () => {
    expect(redactor.byValue('abc abcd')).toBe('abc abcd');
    expect(new Redactor([{ label: 'pin', value: 'abcd' }]).byValue('abc abcd')).toBe('abc «redacted:pin»');
    expect(new Redactor([]).longestSecret).toBe(0);
  });

  it('replaces a secret that contains another one whole', () => {
    const nested = new Redactor([
      { label: 'inner', value: 'token' },
      { label: 'outer', value: 'token-and-more' },
    ]);
    expect(nested.byValue('token-and-more / token')).toBe('«redacted:outer» / «redacted:inner»');
    expect(nested.longestSecret).toBe('token-and-more'.length);
  });

  it('blanks credential fields in JSON by name, any case and spacing, escaped quotes and a cut-off end included', () => {
    const none = new Redactor([]);
    expect(none.text('{"access_token":"eyJhbGciOi","expires_in":"3600"}')).toBe('{"access_token":"«redacted:access_token»","expires_in":"3600"}');
    expect(none.text('{"Refresh_Token" :  "r-1"}')).toBe('{"Refresh_Token" :  "«redacted:refresh_token»"}');
    expect(none.text('{"id_token": "a\\"b", "x": 1}')).toBe('{"id_token": "«redacted:id_token»", "x": 1}');
    expect(none.text('{"client_secret": "cut-off-here')).toBe('{"client_secret": "«redacted:client_secret»');
    expect(none.text('{"a": "x", "b": "y"}')).toBe('{"a": "x", "b": "y"}');
  });

  it('blanks credential fields in query strings and forms by name, only where a field starts', () => {
    const none = new Redactor([]);
    expect(none.text('https://x.test/cb?access_token=abc&state=1')).toBe('https://x.test/cb?access_token=«redacted:access_token»&state=1');
    expect(none.text('client_secret=s3&grant_type=x')).toBe('client_secret=«redacted:client_secret»&grant_type=x');
    expect(none.text('a=1&REFRESH_TOKEN=r')).toBe('a=1&REFRESH_TOKEN=«redacted:refresh_token»');
    expect(none.text('line one\nid_token=t two')).toBe('line one\nid_token=«redacted:id_token» two');
    expect(none.text('my_access_token=keep')).toBe('my_access_token=keep');
  });

  it('blanks credential headers whole in the history and scans the others by value', () => {
    const lines = redactor.headers([
      { name: 'Ocp-Apim-Subscription-Key', value: 'anything' },
      { name: 'Authorization', value: 'Bearer xyz' },
      { name: 'X-Echo', value: `key=${KEY}` },
      { name: 'Accept', value: 'application/json' },
    ]);
    expect(lines).toEqual([
      { name: 'Ocp-Apim-Subscription-Key', value: '«redacted:subscription_key»' },
      { name: 'Authorization', value: '«redacted:authorization»' },
      { name: 'X-Echo', value: 'key=«redacted:subscription_key»' },
      { name: 'Accept', value: 'application/json' },
    ]);
  });

  it('truncates already-redacted text at the cap, saying whether it did', () => {
    expect(truncate('abcdef', 6)).toEqual({ text: 'abcdef', truncated: false });
    expect(truncate('abcdef', 5)).toEqual({ text: 'abcde', truncated: true });
  });
});

describe('secret variable names', () => {
  it('are names of keys, tokens, passwords and credentials, in any case and spelling', () => {
    for (const name of ['access_token', 'myToken', 'client_secret', 'password', 'PASSWD', 'api_key', 'api-key', 'apikey', 'API Key', 'subscription_key', 'subscriptionKey', 'Ocp-Apim-Subscription-Key', 'authorization', 'bearer', 'credentials']) {
      expect(isSecretVariableName(name), name).toBe(true);
    }
  });

  it('are not the names that only look like one', () => {
    for (const name of ['orderId', 'Idempotency-Token', 'token_endpoint', 'token_url', 'token_uri', 'auth-token-url', 'token_type', 'tokentype', 'token-type', 'token_expires_at', 'TOKEN_URL', 'msn', 'api', 'key']) {
      expect(isSecretVariableName(name), name).toBe(false);
    }
    // Only a whole "type" name is spared: a token kept beside it is still a token.
    expect(isSecretVariableName('token_type_value')).toBe(true);
    expect(isSecretVariableName('my_token_type')).toBe(true);
    // Only a name that ends in url/uri is a place; a key kept URL-encoded is still a key.
    expect(isSecretVariableName('api_key_urlencoded')).toBe(true);
    expect(isSecretVariableName('client_secret_uri_safe')).toBe(true);
  });
});

describe('tokenValuesIn', () => {
  it('finds access, id and refresh tokens at any depth, in arrays too, whatever the field’s case', () => {
    const body = JSON.stringify({ access_token: 'a-1', data: [{ nested: { Refresh_Token: 'r-1' } }, { id_token: 'i-1' }], token_type: 'Bearer' });
    expect(tokenValuesIn(body).sort()).toEqual(['a-1', 'i-1', 'r-1']);
  });

  it('takes only text values, and nothing from a body that is not JSON or names no token', () => {
    expect(tokenValuesIn('{"access_token": 12345678, "id_token": null, "refresh_token": {"access_token": "deep"}}')).toEqual(['deep']);
    expect(tokenValuesIn('{"access_token": "cut')).toEqual([]);
    expect(tokenValuesIn('{"token": "abcdefgh"}')).toEqual([]);
    expect(tokenValuesIn('["x", null, 5, {"access_token": "in-array"}]')).toEqual(['in-array']);
  });

  it('walks at most 10 000 values: the token on the 10 000th is found, one further is not', () => {
    // The root is the 1st value, the list the 2nd, its items the next ones, the token's object the last.
    const body = (items: number) => JSON.stringify({ z: { access_token: 'last' }, list: Array.from({ length: items }, () => ({ n: 1, s: 'x' })) });
    expect(tokenValuesIn(body(9997))).toEqual(['last']);
    expect(tokenValuesIn(body(9998))).toEqual([]);
  });

  it('stops walking a huge answer', () => {
    // The walk takes the last member first, so the token is reached only after the list.
    const many = JSON.stringify({ z: { access_token: 'last' }, list: Array.from({ length: 20_000 }, () => ({})) });
    expect(tokenValuesIn(many)).toEqual([]);
    const few = JSON.stringify({ z: { access_token: 'last' }, list: Array.from({ length: 100 }, () => ({})) });
    expect(tokenValuesIn(few)).toEqual(['last']);
  });
});

describe('RunSecrets', () => {
  it('learns tokens from answers and secret-named variables, eight characters or longer', () => {
    const secrets = new RunSecrets([{ label: 'client_secret', value: 'initial-secret' }]);
    secrets.learnFromResponse(JSON.stringify({ access_token: 'tok-12345' }));
    secrets.learnFromVariable('myApiKey', 'key-12345');
    secrets.learnFromVariable('orderId', 'order-12345');
    secrets.learnFromVariable('password', 'short7!');
    secrets.learnFromVariable('password', 'exactly8');
    secrets.learnFromVariable('password', 12345678);
    expect(secrets.all()).toEqual([
      { label: 'client_secret', value: 'initial-secret' },
      { label: 'access_token', value: 'tok-12345' },
      { label: 'myApiKey', value: 'key-12345' },
      { label: 'password', value: 'exactly8' },
    ]);
    expect(secrets.redact('tok-12345 key-12345 order-12345 exactly8 initial-secret')).toBe(
      '«redacted:access_token» «redacted:myApiKey» order-12345 «redacted:password» «redacted:client_secret»',
    );
  });

  it('keeps the first label of a value it already knows', () => {
    const secrets = new RunSecrets();
    secrets.add('first', 'same-value-1');
    secrets.add('second', 'same-value-1');
    expect(secrets.all()).toEqual([{ label: 'first', value: 'same-value-1' }]);
  });

  it('redacts what it learnt after an earlier redaction, and extra secrets for one call only', () => {
    const secrets = new RunSecrets();
    expect(secrets.redact('later-secret')).toBe('later-secret');
    secrets.add('late', 'later-secret');
    expect(secrets.redact('later-secret')).toBe('«redacted:late»');
    expect(secrets.redact('later-secret extra-one', [{ label: 'extra', value: 'extra-one' }])).toBe('«redacted:late» «redacted:extra»');
    expect(secrets.redact('extra-one')).toBe('extra-one');
  });

  it('stops learning at a thousand values', () => {
    const secrets = new RunSecrets();
    for (let i = 0; i < 1001; i++) secrets.add('k', `value-${String(i).padStart(4, '0')}`);
    expect(secrets.all()).toHaveLength(1000);
    expect(secrets.redact('value-0999 value-1000')).toBe('«redacted:k» value-1000');
  });
});

describe('createScrub (the CLI report’s second lock)', () => {
  it('replaces every known value of four characters or more, longest first', () => {
    const scrub = createScrub(['abc', 'abcd', 'abcdefgh', 'abcd']);
    expect(scrub('abc abcd abcdefgh abcdefgh')).toBe('abc «redacted» «redacted» «redacted»');
    expect(createScrub(['secret-one', 'one'])('secret-one')).toBe('«redacted»');
  });

  it('passes text through unchanged when no value is long enough', () => {
    const scrub = createScrub(['abc', '']);
    expect(scrub('abc')).toBe('abc');
    expect(createScrub([])('anything')).toBe('anything');
  });

  it('does not reorder the caller’s list', () => {
    const list = ['aaaa', 'bbbbbbbb'];
    createScrub(list);
    expect(list).toEqual(['aaaa', 'bbbbbbbb']);
  });
});
