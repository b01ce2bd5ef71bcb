import { describe, expect, test } from 'vitest';
import { ExplorerFailure } from '../../../electron/backend/failure';
import { checkSecretHosts, hostMatches, whereCarried, type GuardedSecret, type OutgoingRequest } from '../../../electron/backend/engine/secret-hosts';
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
