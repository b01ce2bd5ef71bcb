import { Writable } from 'node:stream';
import readline from 'node:readline/promises';
import { Option, type Command } from 'commander';
import type { ProfileView } from '../../../shared/contract';
import { openSession, type BackendSession } from '../backend-session';
import { KEY_ENV, keysFromEnvironment } from '../credentials';
import { CliFailure, ExitCode, usageFailure } from '../exit-codes';
import { painter, type Terminal } from '../terminal';

interface DataDirFlag {
  dataDir?: string;
}

export function findProfile(profiles: ProfileView[], wanted: string): ProfileView {
  const exact = profiles.find((profile) => profile.id === wanted) ?? profiles.find((profile) => profile.name === wanted);
  const loose = exact ?? profiles.filter((profile) => profile.name.toLowerCase() === wanted.toLowerCase());
  if (!Array.isArray(loose)) return loose;
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

async function collectKeys(terminal: Terminal): Promise<{ client_id?: string; client_secret?: string; subscription_key?: string; source: string }> {
  const fromEnv = keysFromEnvironment();
  if (fromEnv.clientId || fromEnv.clientSecret || fromEnv.subscriptionKey) {
    return { client_id: fromEnv.clientId, client_secret: fromEnv.clientSecret, subscription_key: fromEnv.subscriptionKey, source: 'environment variables' };
  }
  if (!process.stdin.isTTY) return { source: 'none' };
  const client_id = await askHidden('client_id (input hidden, Enter to skip): ', terminal);
  const client_secret = await askHidden('client_secret (input hidden, Enter to skip): ', terminal);
  const subscription_key = await askHidden('Ocp-Apim-Subscription-Key (input hidden, Enter to skip): ', terminal);
  return { client_id: client_id || undefined, client_secret: client_secret || undefined, subscription_key: subscription_key || undefined, source: 'prompt' };
}

export function registerProfilesCommand(program: Command, terminal: Terminal): void {
  const paint = painter(terminal.colour);
  const dataDirOption = () => new Option('--data-dir <DIR>', 'the app’s data folder (default: the desktop app’s, or VIPPS_EXPLORER_DATA_DIR)');
  const profiles = program
    .command('profiles')
    .description('List, add, remove and test the profiles (sales unit + environment) whose keys live in the OS keychain');

  profiles
    .command('list')
    .description('Show every profile and which of its keys are stored (never the keys)')
    .addOption(dataDirOption())
    .action(async (flags: DataDirFlag) => {
      await withUserSession(flags, async (session) => {
        const { profiles: list } = await session.call('listProfiles', {}, 'Listing the profiles');
        for (const profile of list) {
          const keys = (['client_id', 'client_secret', 'subscription_key'] as const).map((field) => `${field} ${profile.secrets[field].set ? paint('green', 'set') : paint('yellow', 'missing')}`).join(', ');
          terminal.out(`${profile.active ? '*' : ' '} ${paint('bold', profile.name)}  ${profile.environment}  ${profile.baseUrl || '(embedded sandbox)'}  MSN ${profile.msn}  ${keys}  ${paint('dim', profile.id)}\n`);
        }
      });
    });

  profiles
    .command('add')
    .description(`Add a profile; its keys come from ${KEY_ENV.clientId}, ${KEY_ENV.clientSecret}, ${KEY_ENV.subscriptionKey} or, on a terminal, a hidden prompt`)
    .argument('<name>', 'a name for the profile, e.g. "Webshop test"')
    .addOption(new Option('--env <environment>', 'which Vipps environment').choices(['test', 'production', 'custom']).makeOptionMandatory())
    .option('--base-url <URL>', 'the base URL, for --env custom')
    .option('--msn <N>', `the Merchant Serial Number (or ${KEY_ENV.msn})`)
    .addOption(dataDirOption())
    .addHelpText('after', `\nKeys are never taken from flags. Example:\n  ${KEY_ENV.clientId}=… ${KEY_ENV.clientSecret}=… ${KEY_ENV.subscriptionKey}=… vipps-explorer profiles add "Webshop test" --env test --msn 123456`)
    .action(async (name: string, flags: DataDirFlag & { env: 'test' | 'production' | 'custom'; baseUrl?: string; msn?: string }) => {
      const msn = flags.msn ?? keysFromEnvironment().msn;
      if (!msn) throw usageFailure('A profile needs its Merchant Serial Number.', `Pass --msn 123456 or set ${KEY_ENV.msn}.`);
      if (flags.env === 'custom' && !flags.baseUrl) throw usageFailure('--env custom needs --base-url.', 'For example --base-url https://vipps-mock.example.test');
      const { source, ...secrets } = await collectKeys(terminal);
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
    });

  profiles
    .command('remove')
    .description('Remove a profile and its keys from the keychain')
    .argument('<name>', 'the profile’s name or id')
    .addOption(dataDirOption())
    .action(async (name: string, flags: DataDirFlag) => {
      await withUserSession(flags, async (session) => {
        const { profiles: list } = await session.call('listProfiles', {}, 'Listing the profiles');
        const profile = findProfile(list, name);
        await session.call('deleteProfile', { id: profile.id }, `Removing the profile "${profile.name}"`);
        terminal.out(`Removed the profile ${profile.name} and its keys.\n`);
      });
    });

  profiles
    .command('test')
    .description('Ask for an access token with a profile’s keys: exit 0 when they are accepted, 1 when refused')
    .argument('<name>', 'the profile’s name or id')
    .addOption(dataDirOption())
    .action(async (name: string, flags: DataDirFlag) => {
      await withUserSession(flags, async (session) => {
        const { profiles: list } = await session.call('listProfiles', {}, 'Listing the profiles');
        const profile = findProfile(list, name);
        const missing = (['client_id', 'client_secret', 'subscription_key'] as const).filter((field) => !profile.secrets[field].set);
        if (missing.length > 0 && profile.environment !== 'sandbox') {
          throw new CliFailure(`The profile "${profile.name}" has no ${missing.join(', ')} stored.`, ExitCode.failed, `Store them with the app’s Setup step, or remove and add the profile again with the keys in ${KEY_ENV.clientId}, ${KEY_ENV.clientSecret} and ${KEY_ENV.subscriptionKey}.`);
        }
        const token = await session.call('fetchToken', { profileId: profile.id }, `Asking ${profile.baseUrl || 'the sandbox'} for an access token`);
        terminal.out(`${paint('green', 'Keys accepted')}: ${profile.name} got an access token${token.expiresAt ? ` valid until ${token.expiresAt}` : ''}.\n`);
      });
    });
}
