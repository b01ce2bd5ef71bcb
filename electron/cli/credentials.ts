import { usageFailure } from './exit-codes';

/**
 * Keys for CI come from environment variables only, never from flags: flags end up in shell
 * history, process listings and CI logs. Locally they come from a keychain profile instead.
 */
export const KEY_ENV = {
  clientId: 'VIPPS_CLIENT_ID',
  clientSecret: 'VIPPS_CLIENT_SECRET',
  subscriptionKey: 'VIPPS_SUBSCRIPTION_KEY',
  msn: 'VIPPS_MSN',
} as const;

export interface EnvironmentKeys {
  clientId?: string;
  clientSecret?: string;
  subscriptionKey?: string;
  msn?: string;
}

export function keysFromEnvironment(env: NodeJS.ProcessEnv = process.env): EnvironmentKeys {
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const keys: EnvironmentKeys = {};
  for (const [field, name] of Object.entries(KEY_ENV) as Array<[keyof EnvironmentKeys, string]>) {
    const value = read(name);
    if (value !== undefined) keys[field] = value;
  }
  return keys;
}

export function hasAnyKey(keys: EnvironmentKeys): boolean {
  return Object.values(keys).some((value) => value !== undefined);
}

/** For the real environments all four are needed; naming the missing ones saves a CI round trip. */
export function requireAllKeys(keys: EnvironmentKeys, environment: string): Required<EnvironmentKeys> {
  const missing = (Object.keys(KEY_ENV) as Array<keyof EnvironmentKeys>).filter((field) => keys[field] === undefined).map((field) => KEY_ENV[field]);
  if (missing.length > 0) {
    throw usageFailure(
      `--env ${environment} needs keys, and ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set.`,
      `Set ${Object.values(KEY_ENV).join(', ')} in the environment (in GitHub Actions, from repository secrets), or use --profile NAME for keys kept in the OS keychain.`,
    );
  }
  return keys as Required<EnvironmentKeys>;
}

/** Every key value we know of, so reports can be scrubbed of them whatever path a value took. */
export function secretValues(keys: EnvironmentKeys): string[] {
  return [keys.clientId, keys.clientSecret, keys.subscriptionKey].filter((value): value is string => typeof value === 'string' && value.length >= 4);
}
