import { SANDBOX_PROFILE_ID } from '../backend';
import { openSession, type BackendSession } from './backend-session';
import { hasAnyKey, KEY_ENV, keysFromEnvironment, requireAllKeys, secretValues, type EnvironmentKeys } from './credentials';
import { usageFailure } from './exit-codes';
import { findProfile } from './commands/profiles-actions';
import type { RunEnvironment, TargetFlags } from './commands/run-flags';

export interface RunTarget {
  session: BackendSession;
  profileId: string;
  /** For the report, in words: which environment and where the keys came from (never the keys). */
  environment: string;
  keySource: string;
  /** Values no report may contain. */
  secrets: string[];
}

/**
 * Where a run sends its requests and with which keys:
 * - `--profile NAME`: a profile of the desktop app, keys from the OS keychain;
 * - `--env sandbox`: the embedded sandbox with its demo keys (or VIPPS_* keys, to try wrong ones);
 * - `--env test|production`: keys from VIPPS_CLIENT_ID, VIPPS_CLIENT_SECRET,
 *   VIPPS_SUBSCRIPTION_KEY and VIPPS_MSN, held in memory for this run only;
 * - neither: `fallback` decides (the quick start runs on the sandbox; a collection runs with no
 *   Vipps profile at all, its own variables doing the work).
 */
export async function openRunTarget(flags: TargetFlags, fallback: RunEnvironment | 'none', env: NodeJS.ProcessEnv = process.env): Promise<RunTarget> {
  if (flags.profile && flags.env) throw usageFailure('Give either --profile or --env, not both.', '--profile uses keys from the OS keychain; --env uses the sandbox or keys from VIPPS_* variables.');
  const keys = keysFromEnvironment(env);
  if (flags.profile) return openProfileTarget(flags.profile, flags.dataDir);
  const environment = flags.env ?? (fallback === 'none' ? undefined : fallback);
  if (environment === undefined) {
    if (hasAnyKey(keys)) throw usageFailure(`${Object.values(KEY_ENV).join(', ')} are set, but no environment was chosen.`, 'Add --env test or --env production (or --env sandbox) to say where they belong.');
    const session = await openSession({ kind: 'isolated', sandbox: false });
    return { session, profileId: SANDBOX_PROFILE_ID, environment: 'none (the collection’s own variables)', keySource: 'none', secrets: [] };
  }
  return openEnvironmentTarget(environment, keys);
}

async function openProfileTarget(name: string, dataDir: string | undefined): Promise<RunTarget> {
  const session = await openSession({ kind: 'user', ...(dataDir ? { dataDir } : {}) });
  try {
    const { profiles } = await session.call('listProfiles', {}, 'Reading the profiles');
    const profile = findProfile(profiles, name);
    return { session, profileId: profile.id, environment: `${profile.environment} (profile "${profile.name}")`, keySource: 'OS keychain', secrets: [] };
  } catch (error) {
    await session.close();
    throw error;
  }
}

async function openEnvironmentTarget(environment: RunEnvironment, keys: EnvironmentKeys): Promise<RunTarget> {
  const useEnvKeys = environment !== 'sandbox' || hasAnyKey(keys);
  const complete = environment === 'sandbox' ? keys : requireAllKeys(keys, environment);
  const session = await openSession({ kind: 'isolated', sandbox: environment === 'sandbox' });
  if (!useEnvKeys) return { session, profileId: SANDBOX_PROFILE_ID, environment: 'sandbox', keySource: 'the sandbox’s demo keys', secrets: [] };
  try {
    // On the sandbox, keys left unset keep the demo values, so one wrong key can be tried alone.
    const demo = environment === 'sandbox' ? await sandboxDemoKeys(session) : undefined;
    const profile = await session.call(
      'createProfile',
      {
        name: `CI ${environment}`,
        environment,
        msn: complete.msn ?? demo?.msn ?? '',
        secrets: {
          client_id: complete.clientId ?? demo?.clientId,
          client_secret: complete.clientSecret ?? demo?.clientSecret,
          subscription_key: complete.subscriptionKey ?? demo?.subscriptionKey,
        },
      },
      `Setting up the ${environment} keys from ${Object.values(KEY_ENV).join(', ')}`,
    );
    return { session, profileId: profile.id, environment, keySource: 'environment variables', secrets: secretValues(complete) };
  } catch (error) {
    await session.close();
    throw error;
  }
}

async function sandboxDemoKeys(session: BackendSession): Promise<Required<EnvironmentKeys>> {
  const overview = await session.call('getSandboxOverview', {}, 'Starting the embedded sandbox');
  if (!overview.demoKeys) throw usageFailure('The embedded sandbox has no demo sales unit.', 'Run without --env sandbox, or report this as a bug.');
  return overview.demoKeys;
}

const secretLooking = /secret|token|password|passwd|subscription|apikey|api_key|client_id|authorization|ocp-apim/i;

/** Values of run variables whose names look like keys, so reports can be scrubbed of them too. */
export function secretLookingValues(values: Record<string, string>): string[] {
  return Object.entries(values)
    .filter(([key, value]) => secretLooking.test(key) && value.length >= 4)
    .map(([, value]) => value);
}
