import { describe, expect, it } from 'vitest';
import { keysFromEnvironment, requireAllKeys, secretValues } from '../../../electron/cli/credentials';
import { CliFailure, ExitCode } from '../../../electron/cli/exit-codes';

describe('keys from the environment', () => {
  it('reads the four VIPPS_* variables and ignores empty ones', () => {
    const keys = keysFromEnvironment({ VIPPS_CLIENT_ID: ' id-1 ', VIPPS_CLIENT_SECRET: '', VIPPS_SUBSCRIPTION_KEY: 'sub-1', VIPPS_MSN: '123456' });
    expect(keys).toEqual({ clientId: 'id-1', subscriptionKey: 'sub-1', msn: '123456' });
  });

  it('names every missing variable, with exit code 2', () => {
    let failure: unknown;
    try {
      requireAllKeys({ clientId: 'x' }, 'test');
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(CliFailure);
    expect((failure as CliFailure).exitCode).toBe(ExitCode.usage);
    expect((failure as CliFailure).message).toBe('--env test needs keys, and VIPPS_CLIENT_SECRET, VIPPS_SUBSCRIPTION_KEY, VIPPS_MSN are not set.');
  });

  it('counts the keys as secrets, but not the MSN', () => {
    expect(secretValues({ clientId: 'client-1', clientSecret: 'secret-1', subscriptionKey: 'sub-key-1', msn: '123456' })).toEqual(['client-1', 'secret-1', 'sub-key-1']);
  });
});
