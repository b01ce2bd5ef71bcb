import { Option, type Command } from 'commander';
import { PAYMENT_APIS } from '../../../shared/quickstart/payment-apis';
import type { Terminal } from '../terminal';
import { runEnvironments, type CollectionFlags, type QuickStartFlags } from './run-flags';

const collect = (value: string, previous: string[]) => [...previous, value];

/** The flags every run shares: where it goes, how it is reported, how long it may take. */
export function addRunFlags(command: Command): Command {
  return command
    .option('--profile <NAME>', 'a profile of the desktop app; its keys come from the OS keychain')
    .addOption(new Option('--env <environment>', 'the embedded sandbox, or Vipps test/production with keys from VIPPS_* variables').choices([...runEnvironments]))
    .option('--data-dir <DIR>', 'the app’s data folder, for --profile (default: the desktop app’s, or VIPPS_EXPLORER_DATA_DIR)')
    .option('-r, --reporter <list>', 'reporters, comma-separated: cli, json, junit', 'cli')
    .option('--reporter-json-export <FILE>', 'where the JSON report goes (turns the json reporter on)')
    .option('--reporter-junit-export <FILE>', 'where the JUnit XML report goes (turns the junit reporter on)')
    .option('--timeout <MS>', 'cancel the whole run after MS milliseconds (newman’s --timeout)')
    .option('--confirm-production', 'allow a production run to change real orders', false)
    .option('--dry-run', 'check every request against the Vipps rules and send none; a line per request', false)
    .addHelpText(
      'after',
      `
Exit codes: 0 every request passed (with --dry-run: every request keeps the rules);
1 a request or assertion failed (with --dry-run: a request breaks a rule); 2 bad arguments or input files.`,
    );
}

export function registerRunCommands(run: Command, terminal: Terminal, setExit: (code: number) => void): void {
  addRunFlags(run.command('quickstart').description('Run the Order Management quick start, every step in order, stopping at the first failure'))
    .addOption(new Option('--payment <api>', 'the payment API of the payment step').choices([...PAYMENT_APIS]).default('epayment'))
    .option('--image <FILE>', 'a PNG or JPEG for the optional image step (skipped without it)')
    .addHelpText(
      'after',
      `
Without --profile or --env it runs on the embedded sandbox. Each run starts a new order, as the
app's "New order" button does (with --profile, in the app's own quick start).

Examples:
  vipps-explorer run quickstart --env sandbox --reporter cli,junit --reporter-junit-export quickstart.xml
  vipps-explorer run quickstart --env test --payment ecom --image logo.png   (keys from VIPPS_* variables)`,
    )
    .action(async (flags: QuickStartFlags) => setExit(await (await import('./run-actions')).runQuickStart(flags, terminal)));

  addRunFlags(
    run
      .command('collection')
      .description('Run a collection (a collection folder, or a Postman v2.1 file) in order and report each request')
      .argument('<PATH>', 'a collection folder (holding collection.yaml) or a Postman v2.1 collection file'),
  )
    .option('-e, --environment <FILE>', 'a Postman environment file whose values the run starts with; with --env, its keys, base_url and msn come from the profile and values written as placeholder text (<…>) are left out, each named on stderr before and after the run')
    .option('--env-var <key=value>', 'a variable for this run; wins over every other value (repeatable)', collect, [])
    .option('--folder <NAME>', 'run only this folder or request (its name or path); repeat it to run several, in the collection’s order, as newman does', collect, [])
    .option('-n, --iterations <N>', 'run the collection N times', '1')
    .option('--delay <MS>', 'wait MS milliseconds between requests', '0')
    .option('--timeout-request <MS>', 'give each request at most MS milliseconds')
    .option('--bail', 'stop at the first failed request or assertion', false)
    .addHelpText(
      'after',
      `
Examples:
  vipps-explorer run collection ./api-tests --env sandbox --reporter cli,junit --reporter-junit-export results.xml
  vipps-explorer run collection checkout.postman_collection.json -e test.postman_environment.json --env test --bail`,
    )
    .action(async (collectionPath: string, flags: CollectionFlags) => setExit(await (await import('./run-actions')).runCollection(collectionPath, flags, terminal)));
}
