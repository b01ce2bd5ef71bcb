import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { SandboxConfigInput } from './config';
import { INSPECTOR_PREFIX } from './inspector';
import { startSandbox, type RunningSandbox } from './server';

const USAGE = `Usage: npm run sandbox -- [--port N] [--data DIR] [--config FILE] [--customer auto|manual] [--forward-to URL]

  --port N       port on 127.0.0.1 (default 8787; 0 picks a free one)
  --data DIR     keep sandbox state in DIR across restarts (default: memory only)
  --config FILE  JSON file with sandbox settings (extra sales units, token lifetime,
                 "strictTypes": true to refuse what the real service tolerates,
                 "retentionPerSalesUnit" (default 10000), ...)
  --customer M   auto (default): a simulated customer answers each payment and agreement;
                 manual: nothing happens until force approve / force accept
  --forward-to U deliver every event of every sales unit to U (on this machine), signed
  --help         show this text`;

class UsageError extends Error {}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 8787;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${raw}".`);
  return Number(raw);
}

async function readConfig(file: string | undefined): Promise<SandboxConfigInput | undefined> {
  if (!file) return undefined;
  let text: string;
  try {
    text = await readFile(resolve(file), 'utf8');
  } catch {
    throw new UsageError(`Cannot read the config file ${file}.`);
  }
  try {
    return JSON.parse(text) as SandboxConfigInput;
  } catch {
    throw new UsageError(`The config file ${file} is not valid JSON.`);
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string', short: 'p' },
        data: { type: 'string', short: 'd' },
        config: { type: 'string', short: 'c' },
        customer: { type: 'string' },
        'forward-to': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const port = parsePort(parsed.values.port);
  const customer = parsed.values.customer;
  if (customer !== undefined && customer !== 'auto' && customer !== 'manual') throw new UsageError(`--customer must be auto or manual, not "${customer}".`);
  const fileConfig = await readConfig(parsed.values.config);
  const config: SandboxConfigInput | undefined = customer ? { ...fileConfig, customer } : fileConfig;
  const forwardTo = parsed.values['forward-to'];
  const dataDir = parsed.values.data ? resolve(parsed.values.data) : undefined;
  const sandbox: RunningSandbox = await startSandbox({ port, dataDir, config, ...(forwardTo ? { forwardTo } : {}) });

  // stdout carries only `name: value` lines so scripts can read them; the prose goes to stderr.
  const lines = [`base url: ${sandbox.baseUrl}`];
  if (sandbox.demoKeys) {
    lines.push(
      `client_id: ${sandbox.demoKeys.clientId}`,
      `client_secret: ${sandbox.demoKeys.clientSecret}`,
      `subscription key: ${sandbox.demoKeys.subscriptionKey}`,
      `MSN: ${sandbox.demoKeys.msn}`,
    );
  }
  if (sandbox.forwardSecret) lines.push(`forward to: ${forwardTo ?? ''}`, `forward secret: ${sandbox.forwardSecret}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  for (const notice of sandbox.inspect().notices) process.stderr.write(`${notice}\n`);
  process.stderr.write(
    `Vipps sandbox running${dataDir ? `, state kept in ${dataDir}` : ' (state in memory only)'}.\n` +
      `Inspector: ${sandbox.baseUrl}${INSPECTOR_PREFIX}/state  —  press Ctrl-C to stop.\n`,
  );

  return new Promise<number>((done) => {
    let stopping = false;
    const stop = () => {
      if (stopping) {
        done(130);
        return;
      }
      stopping = true;
      process.stderr.write('Stopping the sandbox…\n');
      sandbox.close().then(
        () => done(0),
        (error: unknown) => {
          process.stderr.write(`Could not stop cleanly: ${String(error)}\n`);
          done(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

// Last resort: a failure that escapes every handler is logged, and the sandbox keeps serving.
process.on('uncaughtException', (error) => {
  process.stderr.write(`Vipps sandbox: an unexpected error was caught and the sandbox keeps running: ${error instanceof Error ? error.message : String(error)}\n`);
});
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`Vipps sandbox: an unexpected failure was caught and the sandbox keeps running: ${reason instanceof Error ? reason.message : String(reason)}\n`);
});

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`The sandbox could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
