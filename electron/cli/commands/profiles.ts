import { Option, type Command } from 'commander';
import { KEY_ENV } from '../credentials';
import type { Terminal } from '../terminal';
import type { AddFlags, DataDirFlag } from './profiles-actions';

/** `profiles list|add|remove|test`; the work is in profiles-actions, loaded only when a command runs. */
export function registerProfilesCommand(program: Command, terminal: Terminal): void {
  const actions = () => import('./profiles-actions');
  const dataDirOption = () => new Option('--data-dir <DIR>', 'the app’s data folder (default: the desktop app’s, or VIPPS_EXPLORER_DATA_DIR)');
  const profiles = program
    .command('profiles')
    .description('List, add, remove and test the profiles (sales unit + environment) whose keys live in the OS keychain');

  profiles
    .command('list')
    .description('Show every profile and which of its keys are stored (never the keys)')
    .addOption(dataDirOption())
    .action(async (flags: DataDirFlag) => (await actions()).listProfiles(flags, terminal));

  profiles
    .command('add')
    .description(`Add a profile; its keys come from ${KEY_ENV.clientId}, ${KEY_ENV.clientSecret}, ${KEY_ENV.subscriptionKey} or, on a terminal, a hidden prompt`)
    .argument('<name>', 'a name for the profile, e.g. "Webshop test"')
    .addOption(new Option('--env <environment>', 'which Vipps environment').choices(['test', 'production', 'custom']).makeOptionMandatory())
    .option('--base-url <URL>', 'the base URL, for --env custom')
    .option('--msn <N>', `the Merchant Serial Number (or ${KEY_ENV.msn})`)
    .addOption(dataDirOption())
    .addHelpText('after', `\nKeys are never taken from flags. Example:\n  ${KEY_ENV.clientId}=… ${KEY_ENV.clientSecret}=… ${KEY_ENV.subscriptionKey}=… vipps-explorer profiles add "Webshop test" --env test --msn 123456`)
    .action(async (name: string, flags: AddFlags) => (await actions()).addProfile(name, flags, terminal));

  profiles
    .command('remove')
    .description('Remove a profile and its keys from the keychain')
    .argument('<name>', 'the profile’s name or id')
    .addOption(dataDirOption())
    .action(async (name: string, flags: DataDirFlag) => (await actions()).removeProfile(name, flags, terminal));

  profiles
    .command('test')
    .description('Ask for an access token with a profile’s keys: exit 0 when they are accepted, 1 when refused')
    .argument('<name>', 'the profile’s name or id')
    .addOption(dataDirOption())
    .action(async (name: string, flags: DataDirFlag) => (await actions()).testProfile(name, flags, terminal));
}
