import path from 'node:path';
import { ScriptSandbox } from '../backend/scripts/script-sandbox';
import { postmanFileHasScripts } from './commands/script-presence';

/**
 * The script process of `run collection FILE`, started before the rest of the CLI is even
 * loaded. Its start (Node, postman-sandbox's boot code) takes about as long as the CLI's own, so
 * on a machine with two cores the two now overlap instead of following each other: the first
 * script no longer waits for a process that only began once the backend existed.
 *
 * Only argv is read here, never parsed for real: the command parser still decides everything.
 * A guess that turns out wrong costs one process that is killed unused (see disposeEarlyScripts).
 */
let early: ScriptSandbox | undefined;
/** Whether this process started one: the collection was read for scripts here already. */
let started = false;

export function startScriptsEarly(argv: readonly string[]): void {
  if (early || argv[0] !== 'run' || argv[1] !== 'collection' || argv.includes('--dry-run')) return;
  // The collection path is one of the words after `collection` that are not flags; an
  // --environment file among them has no scripts, so checking each is safe.
  const candidates = argv.slice(2).filter((word) => !word.startsWith('-'));
  if (!candidates.some((word) => postmanFileHasScripts(path.resolve(word)))) return;
  early = new ScriptSandbox();
  early.warmUp();
  started = true;
}

/** Whether the script process was started here, before the command ran (so it need not look again). */
export function startedEarly(): boolean {
  return started;
}

/** Hands the started sandbox to the backend that will own it (and dispose of it); once. */
export function takeEarlyScripts(): ScriptSandbox | undefined {
  const taken = early;
  early = undefined;
  return taken;
}

/** A sandbox no backend took (the command failed before opening one) must not keep the CLI alive. */
export async function disposeEarlyScripts(): Promise<void> {
  await takeEarlyScripts()?.dispose();
}
