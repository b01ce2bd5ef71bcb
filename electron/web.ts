import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { APP, createBackend, environmentBaseUrlsFromEnv, loadConfStoreFactory, dataDirFromArgs, defaultDataDir, keepProcessAlive } from './backend';
import { openBrowser } from './web/open-browser';
import { startWebHost } from './web/server';

/**
 * The browser host: the same backend and renderer as the desktop app, served on 127.0.0.1.
 * It is how the app runs where Electron cannot (no display, remote boxes, WSL, CI).
 */
export interface WebCommandOptions {
  port: number;
  open: boolean;
  dataDir: string;
  staticDir: string;
}

const usage = `Usage: npm run web -- [--port N] [--no-open] [--data-dir DIR]
  --port N        listen on 127.0.0.1:N (default: a free port)
  --no-open       print the URL but do not open a browser
  --data-dir DIR  keep profiles, history and settings in DIR (or set VIPPS_EXPLORER_DATA_DIR)`;

export function parseWebArgs(argv: string[], here: string): WebCommandOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      'static-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535 (0 picks a free port); got "${values.port}".`);
  }
  return {
    port,
    open: !values['no-open'],
    dataDir: dataDirFromArgs(argv) ?? defaultDataDir(),
    staticDir: values['static-dir'] ? path.resolve(values['static-dir']) : path.resolve(here, '..', 'renderer'),
  };
}

export async function runWebHost(options: WebCommandOptions): Promise<void> {
  keepProcessAlive((line) => console.error(line), 'web host');
  const backend = await createBackend({
    host: 'browser',
    dataDir: options.dataDir,
    storeFactory: await loadConfStoreFactory(),
    log: (line) => console.error(line),
    environmentBaseUrls: environmentBaseUrlsFromEnv(process.env, (line) => console.error(line)),
  });
  const host = await startWebHost({ backend, staticDir: options.staticDir, port: options.port, log: (line) => console.error(line) });
  console.log(`${APP.productName} ${APP.version} is running in your browser at:`);
  console.log(host.url);
  console.log(`Data folder: ${options.dataDir}`);
  console.log('Press Ctrl+C to stop.');
  if (options.open) await openBrowser(host.url, (line) => console.error(line));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await backend.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

const isEntry = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (isEntry) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  try {
    await runWebHost(parseWebArgs(process.argv.slice(2), here));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(usage);
    process.exit(2);
  }
}
