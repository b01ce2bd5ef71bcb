import { Command, CommanderError } from 'commander';
import { registerExportCommand } from './commands/export';
import { registerImportCommand } from './commands/import';
import { registerProfilesCommand } from './commands/profiles';
import { registerRunCommands } from './commands/run';
import { registerSandboxCommand } from './commands/sandbox';
import { CliFailure, ExitCode } from './exit-codes';
import { createTerminal, painter, type Terminal } from './terminal';
import { cliVersion } from './version';

export const COMMAND_NAME = 'vipps-explorer';

/**
 * Commander parses the arguments (the same library newman uses, so flags, `--help` on every
 * command and errors look the way Postman users know them). Every command only registers itself
 * here; what it does lives in commands/.
 */
export function buildProgram(terminal: Terminal, setExit: (code: number) => void): Command {
  const program = new Command(COMMAND_NAME)
    .description('Vipps Explorer: run Vipps MobilePay requests and collections from the command line and in CI')
    .version(cliVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (text) => terminal.out(text), writeErr: (text) => terminal.err(text) })
    .addHelpText(
      'after',
      `
Keys: from a keychain profile (--profile NAME), or in CI from VIPPS_CLIENT_ID, VIPPS_CLIENT_SECRET,
VIPPS_SUBSCRIPTION_KEY and VIPPS_MSN. Never from flags.
Exit codes: 0 all passed, 1 a request or assertion failed, 2 bad arguments or unreadable input.`,
    );

  const run = program.command('run').description('Run the quick start or a collection, with reporters for people and for CI');
  registerRunCommands(run, terminal, setExit);
  registerImportCommand(program, terminal);
  registerExportCommand(program, terminal);
  registerSandboxCommand(program, terminal, setExit);
  registerProfilesCommand(program, terminal);
  return program;
}

/** The sub-commands named at the start of argv that exist (`run collection`), for the help hint. */
function knownCommandPath(program: Command, argv: string[]): string[] {
  const path: string[] = [];
  let current = program;
  for (const arg of argv) {
    const next = current.commands.find((command) => command.name() === arg || command.aliases().includes(arg));
    if (!next) break;
    path.push(next.name());
    current = next;
  }
  return path;
}

/** Runs the command line and resolves its exit code; never calls process.exit itself. */
export async function runCli(argv: string[], terminal: Terminal = createTerminal()): Promise<number> {
  const paint = painter(terminal.colour);
  let exitCode: number = ExitCode.passed;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  const program = buildProgram(terminal, setExit);
  const exitOverrideDeep = (command: Command) => {
    command.exitOverride();
    command.configureOutput({ writeOut: (text) => terminal.out(text), writeErr: (text) => terminal.err(text) });
    command.commands.forEach(exitOverrideDeep);
  };
  exitOverrideDeep(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.passed;
      // Commander has printed what was wrong; point at the help of the command that was meant.
      terminal.err(`Run \`${[COMMAND_NAME, ...knownCommandPath(program, argv), '--help'].join(' ')}\` to see what it takes.\n`);
      return ExitCode.usage;
    }
    if (error instanceof CliFailure) {
      terminal.err(`${paint('red', 'Error:')} ${error.message}\n`);
      if (error.hint) terminal.err(`${error.hint}\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    terminal.err(`${paint('red', 'Error:')} ${COMMAND_NAME} stopped unexpectedly (${detail}).\nThis is a bug; please report it with the command you ran (leave out any keys).\n`);
    return ExitCode.failed;
  }
}
