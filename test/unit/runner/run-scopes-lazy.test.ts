import { describe, expect, it } from 'vitest';
import { RunScopes } from '../../../electron/backend/runner/run-scopes';

// A request's own scopes make their Map on first use (issue 17); read before and after, they
// must answer as a Map made up front did.

describe('a request’s scopes, made on first use', () => {
  it('hands out copies: changing what toObject gave, or the record passed in, changes nothing', () => {
    const scopes = new RunScopes({}, new Map());
    const collection = { shop: 'one' };
    const profile = Object.freeze({ baseUrl: 'http://a', msn: '1', own: 'x' });
    const request = scopes.forRequest(collection, profile);
    const first = request.collection.toObject();
    first.shop = 'changed';
    collection.shop = 'changed too';
    expect(request.collection.toObject()).toEqual({ shop: 'one' });
    expect(request.environment.toObject()).toEqual({ baseUrl: 'http://a', msn: '1', own: 'x' });
    expect(request.engineScopes()).toEqual({ run: {}, collection: { shop: 'one' }, globals: {} });
  });

  it('reads, sets and unsets as before, the profile’s own keys refused, the frozen profile untouched', () => {
    const scopes = new RunScopes({}, new Map());
    const profile = Object.freeze({ baseUrl: 'http://a', msn: '1', own: 'x' });
    const request = scopes.forRequest({ shop: 'one' }, profile);
    expect(request.environment.get('own')).toBe('x');
    expect(request.environment.has('nothing')).toBe(false);
    request.environment.set('own', 'y');
    request.environment.set('baseUrl', 'http://evil');
    request.environment.unset('msn');
    expect(request.environment.toObject()).toEqual({ baseUrl: 'http://a', msn: '1', own: 'y' });
    expect(profile).toEqual({ baseUrl: 'http://a', msn: '1', own: 'x' });
    request.collection.unset('shop');
    request.collection.set('next', '2');
    expect(request.collection.toObject()).toEqual({ next: '2' });
    // The collection's changes reach the next request of the run.
    expect(scopes.forRequest({ shop: 'one' }, profile).collection.toObject()).toEqual({ next: '2' });
    expect(request.fill('{{own}} {{next}} {{baseUrl}}')).toBe('y 2 http://a');
  });
});
