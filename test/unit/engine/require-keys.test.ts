import { describe, expect, it } from 'vitest';
import { requireKeys } from '../../../electron/backend/engine/request-builder';
import type { SalesUnitProfile } from '../../../electron/backend/profiles/profile-document';

// requireKeys runs on every send (issue 17 made it a loop): it must still name every key missing, in order.

const profile = { name: 'Shop' } as SalesUnitProfile;

describe('the keys a send needs', () => {
  it('passes when every needed key is stored, whatever the token', () => {
    expect(() => requireKeys(profile, { client_id: 'a', subscription_key: 'b' }, ['token', 'clientId', 'subscriptionKey'])).not.toThrow();
    expect(() => requireKeys(profile, {}, ['token'])).not.toThrow();
    expect(() => requireKeys(profile, {}, [])).not.toThrow();
  });

  it('names each missing key, in the order needed', () => {
    expect(() => requireKeys(profile, { client_id: 'a' }, ['clientId', 'clientSecret', 'token', 'subscriptionKey'])).toThrow(
      'Profile "Shop" has no client_secret, subscription key (Ocp-Apim-Subscription-Key) stored. Enter the key in the profile settings, or send the request with authentication set to none.',
    );
    expect(() => requireKeys(profile, { client_id: '' }, ['clientId'])).toThrow('Profile "Shop" has no client_id stored.');
  });
});
