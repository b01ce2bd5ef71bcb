import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { SandboxConfigInput } from '../../backend';
import { ExitCode, usageFailure } from '../exit-codes';
import type { Terminal } from '../terminal';
import { parsePort } from './numbers';
import { registerSandboxControl } from './sandbox-control';

interface SandboxFlags {
  port: string;
  data?: string;
  config?: string;
  customer?: string;
  forwardTo?: string;
}

async function readConfig(file: string | undefined): Promise<SandboxConfigInput | undefined> {
  if (!file) return undefined;
  let text: string;
  try {
    text = await readFile(path.resolve(file), 'utf8');
  } catch (error) {
    throw usageFailure(`Cannot read the sandbox config file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`, 'Check the path, or leave out --config to use the defaults.');
  }
  try {
    return JSON.parse(text) as SandboxConfigInput;
  } catch (error) {
    throw usageFailure(`The sandbox config file ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`, 'Fix the file; the README lists the settings it may hold.');
  }
}

/**
 * The embedded sandbox on its own, for a CI job's integration tests. stdout carries only the
 * `name: value` lines that scripts read (the same lines as `npm run sandbox`); prose goes to stderr.
 */
export function registerSandboxCommand(program: Command, terminal: Terminal, setExit: (code: number) => void): void {
  const sandbox = program
    .command('sandbox')
    .description('Run the embedded Vipps sandbox on its own, until Ctrl-C')
    .option('-p, --port <N>', 'port on 127.0.0.1 (0 picks a free one)', '8787')
    .option('-d, --data <DIR>', 'keep the sandbox state in DIR across restarts (default: memory only)')
    .option('-c, --config <FILE>', 'JSON file with sandbox settings: extra sales units, token lifetime, faults…')
    .option('--customer <MODE>', "auto: a simulated customer answers each payment and agreement (the default); manual: nothing happens until force approve")
    .option('--forward-to <URL>', 'deliver every event of every sales unit to this URL on this machine, signed (like `stripe listen --forward-to`)')
    .addHelpText('after', '\nExamples:\n  vipps-explorer sandbox --port 8787 --data ./.sandbox-state\n  vipps-explorer sandbox --forward-to http://127.0.0.1:3000/vipps-webhooks\n  vipps-explorer sandbox --customer manual')
    .action(async (flags: SandboxFlags) => {
      const port = parsePort(flags.port, '--port');
      if (flags.customer !== undefined && flags.customer !== 'auto' && flags.customer !== 'manual') throw usageFailure(`--customer must be auto or manual, not "${flags.customer}".`);
      const fileConfig = await readConfig(flags.config);
      const config = flags.customer ? { ...fileConfig, customer: flags.customer as 'auto' | 'manual' } : fileConfig;
      const dataDir = flags.data ? path.resolve(flags.data) : undefined;
      // Loaded here, not at the top, so `--help` and `--version` never pay for the backend.
      const { INSPECTOR_PREFIX, startSandbox } = await import('../../backend');
      let sandbox;
      try {
        sandbox = await startSandbox({ port, ...(dataDir ? { dataDir } : {}), ...(config ? { config } : {}), ...(flags.forwardTo ? { forwardTo: flags.forwardTo } : {}) });
      } catch (error) {
        if (flags.forwardTo && error instanceof Error && error.message.startsWith('--forward-to')) throw usageFailure(error.message);
        throw error;
      }
      const lines = [`base url: ${sandbox.baseUrl}`];
      if (sandbox.demoKeys) {
        lines.push(`client_id: ${sandbox.demoKeys.clientId}`, `client_secret: ${sandbox.demoKeys.clientSecret}`, `subscription key: ${sandbox.demoKeys.subscriptionKey}`, `MSN: ${sandbox.demoKeys.msn}`);
      }
      // The forward secret is the sandbox's own, like `stripe listen`'s: the receiver needs it to verify.
      if (sandbox.forwardSecret) lines.push(`forward to: ${flags.forwardTo ?? ''}`, `forward secret: ${sandbox.forwardSecret}`);
      terminal.out(`${lines.join('\n')}\n`);
      for (const notice of sandbox.inspect().notices) terminal.err(`${notice}\n`);
      terminal.err(
        `Vipps sandbox running${dataDir ? `, state kept in ${dataDir}` : ' (state in memory only)'}.\n` +
          `Inspector: ${sandbox.baseUrl}${INSPECTOR_PREFIX}/state  —  press Ctrl-C to stop.\n`,
      );
      await new Promise<void>((done) => {
        const stop = () => {
          terminal.err('Stopping the sandbox…\n');
          sandbox.close().then(
            () => done(),
            (error: unknown) => {
              terminal.err(`Could not stop cleanly: ${String(error)}\n`);
              setExit(ExitCode.failed);
              done();
            },
          );
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
  registerSandboxControl(sandbox, terminal);
}
