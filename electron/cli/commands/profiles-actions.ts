import { Writable } from 'node:stream';
import readline from 'node:readline/promises';
import type { ProfileView } from '../../../shared/contract';
import { openSession, type BackendSession } from '../backend-session';
import { KEY_ENV, keysFromEnvironment } from '../credentials';
import { CliFailure, ExitCode, usageFailure } from '../exit-codes';
import { painter, type Terminal } from '../terminal';

export interface DataDirFlag {
  dataDir?: string;
}

export interface AddFlags extends DataDirFlag {
  env: 'test' | 'production' | 'custom';
  baseUrl?: string;
  msn?: string;
}

const keyFields = ['client_id', 'client_secret', 'subscription_key'] as const;

export function findProfile(profiles: ProfileView[], wanted: string): ProfileView {
  const exact = profiles.find((profile) => profile.id === wanted) ?? profiles.find((profile) => profile.name === wanted);
  if (exact) return exact;
  const loose = profiles.filter((profile) => profile.name.toLowerCase() === wanted.toLowerCase());
  if (loose.length === 1) return loose[0]!;
  const names = profiles.map((profile) => `"${profile.name}"`).join(', ');
  throw usageFailure(
    loose.length > 1 ? `More than one profile is called "${wanted}".` : `There is no profile called "${wanted}".`,
    loose.length > 1 ? 'Use the profile’s id instead (shown by `vipps-explorer profiles list`).' : `The profiles are: ${names}. Add one with \`vipps-explorer profiles add NAME --env test\`.`,
  );
}

async function withUserSession<T>(flags: DataDirFlag, work: (session: BackendSession) => Promise<T>): Promise<T> {
  const session = await openSession({ kind: 'user', ...(flags.dataDir ? { dataDir: flags.dataDir } : {}) });
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}

/** Asks for a key without echoing it; only on a terminal, so CI never hangs on a prompt. */
async function askHidden(question: string, terminal: Terminal): Promise<string> {
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = readline.createInterface({ input: process.stdin, output: muted, terminal: true });
  terminal.err(question);
  try {
    return (await rl.question('')).trim();
  } finally {
    rl.close();
    terminal.err('\n');
  }
}

async function collectKeys(terminal: Terminal): Promise<{ secrets: { client_id?: string; client_secret?: string; subscription_key?: string }; source: string }> {
  const fromEnv = keysFromEnvironment();
  if (fromEnv.clientId || fromEnv.clientSecret || fromEnv.subscriptionKey) {
    return { secrets: { client_id: fromEnv.clientId, client_secret: fromEnv.clientSecret, subscription_key: fromEnv.subscriptionKey }, source: 'environment variables' };
  }
  if (!process.stdin.isTTY) return { secrets: {}, source: 'none' };
  const client_id = await askHidden('client_id (input hidden, Enter to skip): ', terminal);
  const client_secret = await askHidden('client_secret (input hidden, Enter to skip): ', terminal);
  const subscription_key = await askHidden('Ocp-Apim-Subscription-Key (input hidden, Enter to skip): ', terminal);
  return { secrets: { client_id: client_id || undefined, client_secret: client_secret || undefined, subscription_key: subscription_key || undefined }, source: 'the prompt' };
}

export async function listProfiles(flags: DataDirFlag, terminal: Terminal): Promise<void> {
  const paint = painter(terminal.colour);
  await withUserSession(flags, async (session) => {
    const { profiles } = await session.call('listProfiles', {}, 'Listing the profiles');
    for (const profile of profiles) {
      const keys = keyFields.map((field) => `${field} ${profile.secrets[field].set ? paint('green', 'set') : paint('yellow', 'missing')}`).join(', ');
      terminal.out(`${profile.active ? '*' : ' '} ${paint('bold', profile.name)}  ${profile.environment}  ${profile.baseUrl || '(embedded sandbox)'}  MSN ${profile.msn}  ${keys}  ${paint('dim', profile.id)}\n`);
    }
  });
}

export async function addProfile(name: string, flags: AddFlags, terminal: Terminal): Promise<void> {
  const paint = painter(terminal.colour);
  const msn = flags.msn ?? keysFromEnvironment().msn;
  if (!msn) throw usageFailure('A profile needs its Merchant Serial Number.', `Pass --msn 123456 or set ${KEY_ENV.msn}.`);
  if (flags.env === 'custom' && !flags.baseUrl) throw usageFailure('--env custom needs --base-url.', 'For example --base-url https://vipps-mock.example.test');
  const { secrets, source } = await collectKeys(terminal);
  await withUserSession(flags, async (session) => {
    const created = await session.call(
      'createProfile',
      { name, environment: flags.env, msn, ...(flags.baseUrl ? { customBaseUrl: flags.baseUrl } : {}), ...(source !== 'none' ? { secrets } : {}) },
      `Adding the profile "${name}"`,
    );
    terminal.out(`Added the profile ${paint('bold', created.name)} (${created.environment}, MSN ${created.msn}).\n`);
    if (source === 'none') terminal.err(`No keys were given, so none are stored. Run the command again on a terminal, or with ${KEY_ENV.clientId}, ${KEY_ENV.clientSecret} and ${KEY_ENV.subscriptionKey} set.\n`);
    else terminal.out(`Its keys (from ${source}) are in the OS keychain. Check them with: vipps-explorer profiles test "${created.name}"\n`);
  });
}

export async function removeProfile(name: string, flags: DataDirFlag, terminal: Terminal): Promise<void> {
  await withUserSession(flags, async (session) => {
    const { profiles } = await session.call('listProfiles', {}, 'Listing the profiles');
    const profile = findProfile(profiles, name);
    await session.call('deleteProfile', { id: profile.id }, `Removing the profile "${profile.name}"`);
    terminal.out(`Removed the profile ${profile.name} and its keys.\n`);
  });
}

export async function testProfile(name: string, flags: DataDirFlag, terminal: Terminal): Promise<void> {
  const paint = painter(terminal.colour);
  await withUserSession(flags, async (session) => {
    const { profiles } = await session.call('listProfiles', {}, 'Listing the profiles');
    const profile = findProfile(profiles, name);
    const missing = keyFields.filter((field) => !profile.secrets[field].set);
    if (missing.length > 0 && profile.environment !== 'sandbox') {
      throw new CliFailure(
        `The profile "${profile.name}" has no ${missing.join(', ')} stored.`,
        ExitCode.failed,
        `Store them in the app’s Setup step, or remove the profile and add it again with ${KEY_ENV.clientId}, ${KEY_ENV.clientSecret} and ${KEY_ENV.subscriptionKey} set.`,
      );
    }
    const token = await session.call('fetchToken', { profileId: profile.id }, `Asking ${profile.baseUrl || 'the sandbox'} for an access token`);
    terminal.out(`${paint('green', 'Keys accepted')}: ${profile.name} got an access token${token.expiresAt ? ` valid until ${token.expiresAt}` : ''}.\n`);
  });
}
