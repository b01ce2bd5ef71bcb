import { describe, expect, test } from 'vitest';
import { ExplorerFailure } from '../../../electron/backend/failure';
import { checkSecretHosts, guardedSecretsOf, hostMatches, whereCarried, type GuardedSecret, type OutgoingRequest } from '../../../electron/backend/engine/secret-hosts';
import type { SalesUnitProfile } from '../../../electron/backend/profiles/profile-document';
import { normalizeAllowedHost } from '../../../electron/backend/profiles/profile-allowed-hosts';

const SECRET = 'secret-0123456789abcdef';
const request = (url: string, headers: Array<{ name: string; value: string }> = [], body: string | Buffer = ''): OutgoingRequest => ({ url: new URL(url), headers, body });
const guarded = (allowedHosts: string[], value = SECRET, label = 'client_secret'): GuardedSecret => ({ label, value, allowedHosts });

describe('allowed hosts of a secret', () => {
  test.each([
    ['https://Evil.example/path?x=1', 'evil.example'],
    ['evil.example', 'evil.example'],
    ['  EVIL.example:8443 ', 'evil.example:8443'],
    ['http://localhost:80/', 'localhost:80'],
    ['*.vipps.no', '*.vipps.no'],
    ['[::1]:9000', '[::1]:9000'],
  ])('stores %s as %s', (typed, stored) => {
    expect(normalizeAllowedHost(typed)).toBe(stored);
  });

  test.each(['', '   ', 'user:pw@evil.example', 'http://', 'evil example'])('refuses %j as a host', (typed) => {
    expect(normalizeAllowedHost(typed)).toBeUndefined();
  });

  test('a host without port allows every port; with a port only that one', () => {
    expect(hostMatches(new URL('http://127.0.0.1:5000/x'), '127.0.0.1')).toBe(true);
    expect(hostMatches(new URL('http://127.0.0.1:5000/x'), '127.0.0.1:5000')).toBe(true);
    expect(hostMatches(new URL('http://127.0.0.1:5001/x'), '127.0.0.1:5000')).toBe(false);
    expect(hostMatches(new URL('https://apitest.vipps.no/'), 'apitest.vipps.no:443')).toBe(true);
    expect(hostMatches(new URL('http://localhost:5000/'), '127.0.0.1')).toBe(false);
  });

  test('a wildcard allows the hosts below a domain, not the domain or a look-alike', () => {
    expect(hostMatches(new URL('https://api.vipps.no/'), '*.vipps.no')).toBe(true);
    expect(hostMatches(new URL('https://vipps.no/'), '*.vipps.no')).toBe(false);
    expect(hostMatches(new URL('https://evilvipps.no/'), '*.vipps.no')).toBe(false);
  });
});

describe('where a secret is carried', () => {
  test('in the URL, also percent-encoded', () => {
    expect(whereCarried(request(`https://evil.example/?k=${SECRET}`), SECRET)).toBe('URL');
    const odd = 'sec ret/with+chars!';
    expect(whereCarried(request(`https://evil.example/?k=${encodeURIComponent(odd)}`), odd)).toBe('URL');
  });

  test('in a header value or inside one', () => {
    expect(whereCarried(request('https://evil.example/', [{ name: 'X-Key', value: `Bearer ${SECRET}` }]), SECRET)).toBe('header');
  });

  test('in a text, form-encoded or binary body', () => {
    expect(whereCarried(request('https://evil.example/', [], `{"s":"${SECRET}"}`), SECRET)).toBe('body');
    expect(whereCarried(request('https://evil.example/', [], `k=${encodeURIComponent('sec ret/with+chars!')}`), 'sec ret/with+chars!')).toBe('body');
    expect(whereCarried(request('https://evil.example/', [], Buffer.from(`--b\r\n${SECRET}\r\n--b--`)), SECRET)).toBe('body');
  });

  test('a short value counts only where it stands whole, so an amount of 1000 does not carry the PIN 1000 by chance', () => {
    expect(whereCarried(request('https://evil.example/', [], '{"amount":10000}'), '1000')).toBeUndefined();
    expect(whereCarried(request('https://evil.example/?amount=10000'), '1000')).toBeUndefined();
    expect(whereCarried(request('https://evil.example/?pin=1000'), '1000')).toBe('URL');
    expect(whereCarried(request('https://evil.example/', [{ name: 'X-Pin', value: '1000' }]), '1000')).toBe('header');
  });

  test('a request without the value carries nothing', () => {
    expect(whereCarried(request('https://evil.example/?k=other', [{ name: 'A', value: 'b' }], 'body'), SECRET)).toBeUndefined();
  });
});

describe('the check before a request goes out', () => {
  test('refuses a secret on a foreign host with a message naming the secret, the profile and the host', () => {
    const attempt = () => checkSecretHosts(request('https://evil.example/collect', [{ name: 'client_secret', value: SECRET }]), [guarded(['apitest.vipps.no'])], 'Test');
    expect(attempt).toThrow(ExplorerFailure);
    try {
      attempt();
    } catch (error) {
      const refusal = error as ExplorerFailure;
      expect(refusal.code).toBe('FORBIDDEN');
      expect(refusal.message).toContain('client_secret of profile “Test” may only go to apitest.vipps.no; this request goes to evil.example');
      expect(refusal.message).toContain('Add evil.example to the secret');
      expect(refusal.message).not.toContain(SECRET);
    }
  });

  test('lets the secret go to its own host and to a host the user added', () => {
    const headers = [{ name: 'client_secret', value: SECRET }];
    expect(() => checkSecretHosts(request('https://apitest.vipps.no/accesstoken/get', headers), [guarded(['apitest.vipps.no'])], 'Test')).not.toThrow();
    expect(() => checkSecretHosts(request('https://evil.example/', headers), [guarded(['apitest.vipps.no', 'evil.example'])], 'Test')).not.toThrow();
  });

  test('a request to a foreign host that carries no secret goes out', () => {
    expect(() => checkSecretHosts(request('https://example.org/', [{ name: 'A', value: 'b' }], '{}'), [guarded(['apitest.vipps.no'])], 'Test')).not.toThrow();
  });

  test('another name for the same machine is another host, and a host:port entry holds only for that port', () => {
    expect(() => checkSecretHosts(request(`http://localhost:6000/?k=${SECRET}`), [guarded(['127.0.0.1'])], 'Sandbox')).toThrow(/goes to localhost \(in its URL\)/);
    expect(() => checkSecretHosts(request(`http://127.0.0.1:6001/?k=${SECRET}`), [guarded(['127.0.0.1:6000'])], 'Sandbox')).toThrow(/goes to 127\.0\.0\.1 /);
  });
});

describe('the secrets a profile guards', () => {
  const profile = (allowedHosts: SalesUnitProfile['allowedHosts']) => ({ allowedHosts }) as SalesUnitProfile;

  test('each stored key and secret variable, allowed to the profile host on any port and to the hosts the user added', () => {
    const secrets = guardedSecretsOf(
      profile({ keys: { client_secret: ['auth.example', '*.vipps.no'] }, variables: { apiKey: ['api.example'] } }),
      'https://APItest.vipps.no:8443/base',
      { client_id: 'id-123', client_secret: 'sec-456', subscription_key: '' },
      { apiKey: 'key-789', other: 'val-000' },
    );
    expect(secrets).toEqual([
      { label: 'client_id', value: 'id-123', allowedHosts: ['apitest.vipps.no'] },
      { label: 'client_secret', value: 'sec-456', allowedHosts: ['apitest.vipps.no', 'auth.example', '*.vipps.no'] },
      { label: 'secret variable apiKey', value: 'key-789', allowedHosts: ['apitest.vipps.no', 'api.example'] },
      { label: 'secret variable other', value: 'val-000', allowedHosts: ['apitest.vipps.no'] },
    ]);
  });

  test('a base URL that does not parse adds no own host, only the added ones', () => {
    const secrets = guardedSecretsOf(profile({ keys: { client_id: ['auth.example'] }, variables: {} }), 'not a url', { client_id: 'id-123', client_secret: 'sec-456' }, {});
    expect(secrets).toEqual([
      { label: 'client_id', value: 'id-123', allowedHosts: ['auth.example'] },
      { label: 'client_secret', value: 'sec-456', allowedHosts: [] },
    ]);
  });

  test('the Sandbox profile with no embedded sandbox running is at home on this machine only', () => {
    const sandbox = { environment: 'sandbox', allowedHosts: { keys: {}, variables: {} } } as unknown as SalesUnitProfile;
    expect(guardedSecretsOf(sandbox, '', { client_id: 'id-123' }, {})).toEqual([{ label: 'client_id', value: 'id-123', allowedHosts: ['127.0.0.1', 'localhost', '[::1]'] }]);
    expect(guardedSecretsOf(sandbox, 'http://127.0.0.1:4123', { client_id: 'id-123' }, {})).toEqual([{ label: 'client_id', value: 'id-123', allowedHosts: ['127.0.0.1'] }]);
    const custom = { environment: 'custom', allowedHosts: { keys: {}, variables: {} } } as unknown as SalesUnitProfile;
    expect(guardedSecretsOf(custom, '', { client_id: 'id-123' }, {})).toEqual([{ label: 'client_id', value: 'id-123', allowedHosts: [] }]);
    const headers = [{ name: 'client_id', value: 'id-123-sandbox' }];
    const home = guardedSecretsOf(sandbox, '', { client_id: 'id-123-sandbox' }, {});
    expect(() => checkSecretHosts(request('http://127.0.0.1:7000/accesstoken/get', headers), home, 'Sandbox')).not.toThrow();
    expect(() => checkSecretHosts(request('http://[::1]:7000/accesstoken/get', headers), home, 'Sandbox')).not.toThrow();
    expect(() => checkSecretHosts(request('https://evil.example/accesstoken/get', headers), home, 'Sandbox')).toThrow(/may only go to 127\.0\.0\.1, localhost, \[::1\]/);
  });

  test('no keys and no variables guard nothing', () => {
    expect(guardedSecretsOf(profile({ keys: {}, variables: {} }), 'https://apitest.vipps.no', {}, {})).toEqual([]);
  });
});

describe('host rules at their edges', () => {
  test('a port-less URL is on the default port of its scheme', () => {
    expect(hostMatches(new URL('http://example.org/'), 'example.org:80')).toBe(true);
    expect(hostMatches(new URL('http://example.org/'), 'example.org:443')).toBe(false);
    expect(hostMatches(new URL('https://example.org/'), 'example.org:80')).toBe(false);
  });

  test('an IPv6 host without a port allows every port; with one, only that port', () => {
    expect(hostMatches(new URL('http://[::1]:5000/'), '[::1]')).toBe(true);
    expect(hostMatches(new URL('http://[::1]:9000/'), '[::1]:9000')).toBe(true);
    expect(hostMatches(new URL('http://[::1]:5000/'), '[::1]:9000')).toBe(false);
  });

  test('an entry with trailing text after the port is no host:port rule', () => {
    expect(hostMatches(new URL('http://localhost:80/'), 'localhost:80x')).toBe(false);
  });

  test('a plain host allows only that exact name, not one ending like it', () => {
    expect(hostMatches(new URL('https://evilvipps.no/'), 'vipps.no')).toBe(false);
    expect(hostMatches(new URL('https://rapitest.vipps.no/'), 'apitest.vipps.no')).toBe(false);
    expect(hostMatches(new URL('https://APITEST.vipps.no/'), 'apitest.vipps.no')).toBe(true);
  });
});

describe('where a secret is carried, at the edges', () => {
  const url = 'https://evil.example/';

  test('an empty value is carried nowhere', () => {
    expect(whereCarried(request(url, [{ name: 'A', value: '' }], ''), '')).toBeUndefined();
  });

  test('from six characters on a value counts inside a text too; below six only whole', () => {
    expect(whereCarried(request(url, [], '{"pin":"123456"}'), '123456')).toBe('body');
    expect(whereCarried(request(url, [], '{"pin":"12345"}'), '12345')).toBeUndefined();
    expect(whereCarried(request(url, [], '12345'), '12345')).toBe('body');
  });

  test('a long value inside a URL part, as typed, percent-encoded or with a percent sign of its own', () => {
    expect(whereCarried(request(`${url}?auth=Bearer%20${SECRET}`), SECRET)).toBe('URL');
    expect(whereCarried(request(`${url}x/pa%41ss-word`), 'pa%41ss-word')).toBe('URL');
    const odd = 'sec ret/with+chars!';
    expect(whereCarried(request(`${url}?k=${encodeURIComponent(odd)}&junk=%ZZ`), odd)).toBe('URL');
  });

  test('a URL that does not decode is searched as it is', () => {
    expect(whereCarried(request(`${url}?q=%ZZ`, [{ name: 'X-Key', value: SECRET }]), SECRET)).toBe('header');
    expect(whereCarried(request(`${url}%ZZ/?q=%ZZ#%ZZ`, [{ name: 'X-Pin', value: '1000' }]), '1000')).toBe('header');
  });

  test('a short value as a path segment, the fragment or a whole query value', () => {
    expect(whereCarried(request(`${url}pin/1000/check`), '1000')).toBe('URL');
    expect(whereCarried(request(`${url}#1000`), '1000')).toBe('URL');
    expect(whereCarried(request(`${url}?k=12%2F34`), '12/34')).toBe('URL');
    expect(whereCarried(request(`${url}pin/10000/check#x1000`), '1000')).toBeUndefined();
  });

  test('a short value as a word of a header value', () => {
    expect(whereCarried(request(url, [{ name: 'Cookie', value: 'pin=1000; theme=dark' }]), '1000')).toBe('header');
    expect(whereCarried(request(url, [{ name: 'X-Auth', value: 'PIN 1000' }]), '1000')).toBe('header');
    expect(whereCarried(request(url, [{ name: 'Cookie', value: 'pin=10000; theme=dark' }]), '1000')).toBeUndefined();
  });

  test('a short value in a binary body only when it is the whole body', () => {
    expect(whereCarried(request(url, [], Buffer.from('1000')), '1000')).toBe('body');
    expect(whereCarried(request(url, [], Buffer.from('abcd')), '1000')).toBeUndefined();
    expect(whereCarried(request(url, [], Buffer.from('{"amount":10000}')), '1000')).toBeUndefined();
  });

  test('a binary body is compared by its bytes: a stray byte that decodes to the replacement character is not that character', () => {
    expect(whereCarried(request(url, [], Buffer.from([0xff])), '\uFFFD')).toBeUndefined();
    expect(whereCarried(request(url, [], Buffer.from('\uFFFD')), '\uFFFD')).toBe('body');
  });
});

describe('the refusal message', () => {
  const attempt = (allowedHosts: string[], value = SECRET) => () => checkSecretHosts(request(`https://evil.example/?k=${value}`), [guarded(allowedHosts, value, 'secret variable apiKey')], 'Test');

  test('lists every allowed host', () => {
    expect(attempt(['apitest.vipps.no', '*.vipps.no'])).toThrow('secret variable apiKey of profile “Test” may only go to apitest.vipps.no, *.vipps.no; this request goes to evil.example (in its URL).');
  });

  test('says "no host" when the secret may go nowhere', () => {
    expect(attempt([])).toThrow('may only go to no host; this request goes to evil.example (in its URL). Add evil.example to the secret');
  });

  test('an empty secret variable stops nothing', () => {
    expect(() => checkSecretHosts(request('https://evil.example/'), [guarded([], '', 'secret variable empty')], 'Test')).not.toThrow();
  });
});
