import fs from 'node:fs';
import path from 'node:path';
import type { RunOptionsInput } from '../../../shared/model/run';
import { isPlaceholderValue } from '../../../shared/interop/secrets';
import { APP, createInProcessClient } from '../../backend';
import { type ExitCode, usageFailure } from '../exit-codes';
import { createScrub } from '../reporters/reporter';
import { createReporters } from '../reporters/index';
import { driveRun, exitCodeOf, timeoutFailure } from '../run-driver';
import { openRunTarget, secretLookingValues, type RunTarget } from '../run-context';
import type { CollectionFlags, CommonRunFlags, QuickStartFlags } from './run-flags';
import { parseEnvVars, readEnvironmentFile } from '../run-variables';
import type { Terminal } from '../terminal';
import { parseWhole } from './numbers';
import { prepareCollectionSource, type CollectionSource } from './collection-source';
import { postmanFileHasScripts } from './script-presence';
import { startedEarly } from '../early-scripts';
import { readQuickStartImage } from './quickstart-image';
import { dryRun } from './run-dry';
import { itemNames, pickItems } from './folder-picks';
import { createOrderIdReporter } from './run-order-ids';
import { chooseReporters } from '../reporters/index';

/** Runs with reporters, Ctrl-C handling and the exit code; shared by `run collection` and `run quickstart`. */
export async function runWithReporters(target: RunTarget, options: RunOptionsInput, flags: CommonRunFlags, terminal: Terminal, extraSecrets: string[] = []): Promise<ExitCode> {
  const scrub = createScrub([...target.secrets, ...extraSecrets]);
  const reporters = createReporters(flags, terminal, scrub, { tool: { name: 'vipps-explorer', version: APP.version }, keySource: target.keySource, environment: target.environment });
  reporters.push(createOrderIdReporter(target.session.backend.knownPayments, terminal, scrub, chooseReporters(flags).has('cli')));
  const runTimeoutMs = parseWhole(flags.timeout, '--timeout', 1, 24 * 3_600_000);
  const client = createInProcessClient(target.session.backend, 'cli');
  const interrupt = new AbortController();
  const onSigint = () => {
    terminal.err('\nCancelling the run (Ctrl-C again to stop at once)…\n');
    process.once('SIGINT', () => process.exit(130));
    interrupt.abort();
  };
  process.once('SIGINT', onSigint);
  try {
    const run = await driveRun(client, { ...options, profileId: target.profileId, recordHistory: false, confirmProduction: flags.confirmProduction === true }, reporters, {
      ...(runTimeoutMs !== undefined ? { runTimeoutMs } : {}),
      cancelSignal: interrupt.signal,
    });
    if (run.timedOut) throw timeoutFailure(runTimeoutMs!);
    return exitCodeOf(run);
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

/**
 * Where an --environment file's values go, as in newman: they are where the run starts, so values
 * that scripts and extractions set later win over them, and they win over the collection's own
 * variables; the runner's per-iteration layer has exactly that place (--env-var wins over all).
 * With a profile (--env, --profile), the app's own import rules decide as when the file is
 * imported in the app: the base URL, the MSN and the keys are the profile's (so a file written
 * for Vipps' test environment cannot send a sandbox run elsewhere), plain values are used.
 */
interface EnvironmentStart {
  values: Record<string, string>;
  /** What the run does not take from the file, each with why, for the terminal to name. */
  dropped: Array<{ key: string; why: 'placeholder' | 'profile' }>;
}

/**
 * With a profile (`--env`), the file's keys, base_url and msn come from the profile, and a value
 * that is placeholder text (`<Set your …>`) is left out, exactly as the app's import of the same
 * file does, so that the CLI and the app agree; each one left out is named to the user, since
 * newman would have sent that text literally.
 */
async function environmentStart(target: RunTarget, file: string, values: Record<string, string>): Promise<EnvironmentStart> {
  if (target.keySource === 'none') return { values, dropped: [] };
  const preview = await target.session.call('previewImport', { source: { kind: 'file', path: path.resolve(file) }, format: 'postman-environment' }, `Reading the environment file ${file}`);
  const used = new Set(preview.variables.filter((placement) => placement.destination === 'collection-file').map((placement) => placement.key));
  const dropped = Object.keys(values)
    .filter((key) => !used.has(key))
    .map((key) => ({ key, why: isPlaceholderValue(values[key] ?? '') ? ('placeholder' as const) : ('profile' as const) }));
  return { values: Object.fromEntries(Object.entries(values).filter(([key]) => used.has(key))), dropped };
}

/** One line naming every value of the file the run did not start with, and why. */
export function droppedValuesLine(file: string, dropped: EnvironmentStart['dropped']): string {
  const placeholders = dropped.filter((d) => d.why === 'placeholder').map((d) => d.key);
  const fromProfile = dropped.filter((d) => d.why === 'profile').map((d) => d.key);
  const parts = [
    placeholders.length > 0 ? `left out as placeholder text (newman would send it literally; set them with --env-var or in the file): ${placeholders.join(', ')}` : '',
    fromProfile.length > 0 ? `taken from the profile instead: ${fromProfile.join(', ')}` : '',
  ].filter(Boolean);
  return `${file}: ${dropped.length} value${dropped.length === 1 ? '' : 's'} not used as written; ${parts.join('; ')}.\n`;
}

export async function runCollection(collectionPath: string, flags: CollectionFlags, terminal: Terminal): Promise<ExitCode> {
  const iterations = parseWhole(flags.iterations, '--iterations', 1, 10_000)!;
  const delayMs = parseWhole(flags.delay, '--delay', 0, 600_000)!;
  const requestTimeoutMs = parseWhole(flags.timeoutRequest, '--timeout-request', 1, 600_000);
  const fileValues = flags.environment ? readEnvironmentFile(flags.environment).values : undefined;
  const variables = parseEnvVars(flags.envVar);
  if (!fs.existsSync(collectionPath)) throw usageFailure(`${collectionPath} does not exist.`, 'Give the path of a collection folder or of a Postman v2.1 collection file.');
  const target = await openRunTarget(flags, 'none');
  let source: CollectionSource | undefined;
  try {
    // The script process starts now, alongside converting the collection and fetching the token,
    // unless it was started before the CLI loaded (early-scripts.ts: this file was read for that).
    if (!flags.dryRun && !startedEarly() && postmanFileHasScripts(path.resolve(collectionPath))) target.session.backend.runner.prepareScripts();
    source = await prepareCollectionSource(target.session, path.resolve(collectionPath), { vippsAuth: target.keySource !== 'none' });
    // One --folder is that item's run (named after it); several are a run order of their own.
    let itemPaths = [''];
    if (flags.folder.length > 0) {
      const picked = pickItems(source.tree.items, flags.folder);
      if (picked.missing.length > 0) {
        const names = [...new Set(itemNames(source.tree.items))];
        const shown = names.slice(0, 40).map((name) => `"${name}"`).join(', ');
        throw usageFailure(
          `${collectionPath} has no folder or request called ${picked.missing.map((name) => `"${name}"`).join(', ')}.`,
          `Its folders and requests are: ${shown}${names.length > 40 ? `, and ${names.length - 40} more` : ''}.`,
        );
      }
      itemPaths = picked.paths;
    }
    const runPlace = itemPaths.length === 1 ? { path: itemPaths[0]! } : { order: itemPaths };
    const start = fileValues && flags.environment ? await environmentStart(target, flags.environment, fileValues) : undefined;
    const startValues = start?.values;
    const droppedLine = start && start.dropped.length > 0 && flags.environment ? droppedValuesLine(flags.environment, start.dropped) : '';
    if (droppedLine) terminal.err(droppedLine);
    if (flags.dryRun) {
      const scrub = createScrub([...target.secrets, ...secretLookingValues({ ...fileValues, ...variables })]);
      return await dryRun(target, { collectionId: source.collectionId, itemPaths, runValues: { ...startValues, ...variables } }, terminal, scrub);
    }
    const code = await runWithReporters(
      target,
      {
        collectionId: source.collectionId,
        ...runPlace,
        iterations,
        delayMs,
        stopOnFailure: flags.bail === true,
        variables,
        ...(startValues ? { iterationData: [startValues] } : {}),
        ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
      },
      flags,
      terminal,
      secretLookingValues({ ...fileValues, ...variables }),
    );
    // Said again after the report, where the exit is read.
    if (droppedLine) terminal.err(droppedLine);
    return code;
  } finally {
    await source?.release();
    await target.session.close();
  }
}

/** The built-in quick-start collection's id (electron/backend/quickstart/quickstart-collection.ts). */
const QUICKSTART_COLLECTION_ID = 'quickstart';

/**
 * The guided quick start, every step in order, stopping at the first failure, exactly as the
 * app's "Run all steps" does: same built-in collection, same runner, a new order each time.
 */
export async function runQuickStart(flags: QuickStartFlags, terminal: Terminal): Promise<ExitCode> {
  const imageSrc = flags.image ? readQuickStartImage(flags.image) : undefined;
  const target = await openRunTarget(flags, 'sandbox');
  try {
    if (flags.dryRun) return await dryRun(target, { collectionId: QUICKSTART_COLLECTION_ID, itemPaths: [''], runValues: imageSrc ? { imageSrc } : {} }, terminal, createScrub(target.secrets));
    // Fresh orderId, imageId and Idempotency-Key, so a second run does not meet the first one's write-once receipt.
    await target.session.call('newQuickStartOrder', { paymentApi: flags.payment }, 'Starting a new quick-start order');
    if (!imageSrc) terminal.err('No --image given: the optional image step is skipped.\n');
    return await runWithReporters(target, { collectionId: QUICKSTART_COLLECTION_ID, stopOnFailure: true, variables: imageSrc ? { imageSrc } : {} }, flags, terminal);
  } finally {
    await target.session.close();
  }
}
