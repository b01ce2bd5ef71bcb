import { describe, expect, it } from 'vitest';
import { originOf } from '../../../electron/backend/engine/endpoints';
import { guardedSecretsOf } from '../../../electron/backend/engine/secret-hosts';
import type { SalesUnitProfile } from '../../../electron/backend/profiles/profile-document';

// Every send asks for its profile's base URL's origin and host (issue 17): the answers are kept,
// and a kept answer must be the one a fresh parse gives, whatever was asked in between.

describe('origins and hosts kept between sends', () => {
  it('gives each URL its own origin, invalid ones none, also once more than the kept number were asked', () => {
    const urls = Array.from({ length: 150 }, (_, i) => `http://127.0.0.${i % 250}:${1000 + i}/path?q=${i}`);
    for (let round = 0; round < 2; round++) {
      for (const url of urls) expect(originOf(url)).toBe(new URL(url).origin);
      expect(originOf('not a url')).toBeUndefined();
      expect(originOf('data:text/plain,hi')).toBeUndefined();
      expect(originOf('HTTPS://Api.Vipps.NO:443/x')).toBe('https://api.vipps.no');
    }
  });

  it('binds a profile’s keys to the host of the base URL given now, not the one asked for before', () => {
    const profile = { environment: 'test', allowedHosts: { keys: {}, variables: {} } } as unknown as SalesUnitProfile;
    const hosts = (baseUrl: string) => guardedSecretsOf(profile, baseUrl, { client_id: 'client-id-value' }, {})[0]!.allowedHosts;
    expect(hosts('https://apitest.vipps.no')).toEqual(['apitest.vipps.no']);
    expect(hosts('https://apitest.vipps.no')).toEqual(['apitest.vipps.no']);
    expect(hosts('http://127.0.0.1:4000')).toEqual(['127.0.0.1']);
    expect(hosts('not a url')).toEqual([]);
    expect(hosts('https://api.vipps.no')).toEqual(['api.vipps.no']);
  });
});
